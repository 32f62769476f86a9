/**
 * Why a recording is not worth having: the boss script did not parse, or the
 * lab hit a limit. Read from the log, as the probe and the lab reported it.
 */
import { BOSS_CHILD_ID, type ErrorEvent, type LabEvent } from '../../shared/events';
import { CliError } from './cli-error';

/** "/x/bad.js:3" — the first line Node prints for an uncaught error, when it has a place. */
const PLACE_LINE = /^(?:file:\/\/)?(.+?):(\d+)$/m;

function placeFromStderr(log: readonly LabEvent[], bossPid: number | null): string | null {
  let text = '';
  for (const e of log) {
    if (e.type === 'stderr' && e.pid === bossPid && e.childId === BOSS_CHILD_ID) text += e.preview;
    if (text.length > 2000) break;
  }
  // Previews escape control characters: a newline arrives as the two characters "\n".
  const unescaped = text.replace(/\\n/g, '\n');
  const match = PLACE_LINE.exec(unescaped.split('\n').slice(0, 3).join('\n'));
  return match ? `${decodeURIComponent(match[1])}:${match[2]}` : null;
}

/**
 * The boss threw a SyntaxError before doing anything: its script does not
 * parse. A SyntaxError thrown later (say by JSON.parse, after the script made
 * calls or printed) is the program's own behaviour, recorded like any other.
 */
export function parseFailure(log: readonly LabEvent[]): CliError | null {
  const start = log.find((e) => e.type === 'run-start');
  const bossPid = start?.pid ?? null;
  let error: ErrorEvent | undefined;
  for (const e of log) {
    if (e.pid !== bossPid) continue;
    if (e.type === 'call' || e.type === 'message' || (e.type === 'stdout' && e.childId === BOSS_CHILD_ID)) return null;
    if (e.type === 'error' && e.where === 'uncaught') {
      error = e;
      break;
    }
  }
  if (!error || error.name !== 'SyntaxError') return null;
  const place = error.source ? `${error.source.file}:${error.source.line}:${error.source.column}` : placeFromStderr(log, bossPid);
  const where = place ?? (start?.type === 'run-start' ? start.script : 'the script');
  return new CliError(`script does not parse: ${where}: ${error.message.split('\n')[0]}`, 'SyntaxError');
}

/** The lab stopped the run with an error of its own (a limit, a failure), or reported one. */
export function labFailure(log: readonly LabEvent[]): CliError | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (e.type === 'run-end') {
      if (e.reason === 'error') return new CliError(e.message ?? 'the lab stopped the run', e.errorCode ?? 'ERR_OBRA_INTERNAL');
      break;
    }
  }
  const labError = log.find((e): e is ErrorEvent => e.type === 'error' && e.where === 'lab');
  return labError ? new CliError(labError.message, labError.code ?? 'ERR_OBRA_INTERNAL') : null;
}
