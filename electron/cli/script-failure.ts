/**
 * Why a recording is not worth having: the boss script did not parse, or the
 * lab hit a limit. Read from the log, as the probe and the lab reported it
 * (and, for a SyntaxError, confirmed with `node --check`).
 */
import { BOSS_CHILD_ID, type FailureEvent, type LabEvent } from '../../shared/events';
import { checkSyntax } from '../lab/syntax-check';
import { CliError } from './cli-error';

/**
 * The boss threw a SyntaxError before doing anything: did its script (or the
 * file the error points at) not parse? `node --check` decides, so a
 * SyntaxError the program throws at run time (JSON.parse…) is recorded like
 * any other behaviour of the program, not reported as Obra's failure.
 */
export async function parseFailure(log: readonly LabEvent[]): Promise<CliError | null> {
  const start = log.find((e) => e.type === 'run-start');
  if (start?.type !== 'run-start') return null;
  const bossPid = start.pid;
  let error: FailureEvent | undefined;
  for (const e of log) {
    if (e.pid !== bossPid) continue;
    if (e.type === 'call' || e.type === 'message' || (e.type === 'stdout' && e.childId === BOSS_CHILD_ID)) return null;
    if (e.type === 'error' && e.where === 'uncaught') {
      error = e;
      break;
    }
  }
  if (!error || error.name !== 'SyntaxError') return null;
  const files = new Set([start.script]);
  if (error.source && !error.source.file.startsWith('node:')) files.add(error.source.file.replace(/^file:\/\//, ''));
  for (const file of files) {
    const failed = await checkSyntax(file);
    if (failed) return new CliError(`script does not parse: ${failed.file}:${failed.line}: ${failed.message}`, 'SyntaxError');
  }
  return null;
}

/** Lab errors that mean there is no real recording: the probe could not observe anything. */
const FATAL_LAB_ERRORS = new Set(['ERR_OBRA_NO_PROBE']);

/**
 * What the lab itself reported: a failure when it stopped the run with an error
 * (a limit, an internal failure) or could not observe at all; its other errors
 * (a sampling failure, an ignored record, a survivor) are warnings.
 */
export function labProblems(log: readonly LabEvent[]): { failure: CliError | null; warnings: CliError[] } {
  let failure: CliError | null = null;
  const warnings: CliError[] = [];
  for (const e of log) {
    if (e.type === 'run-end' && e.reason === 'error') failure = new CliError(e.message ?? 'the lab stopped the run', e.errorCode ?? 'ERR_OBRA_INTERNAL');
    if (e.type !== 'error' || e.where !== 'lab') continue;
    const problem = new CliError(e.message, e.code ?? 'ERR_OBRA_INTERNAL');
    if (FATAL_LAB_ERRORS.has(problem.code)) failure ??= problem;
    else if (problem.code !== failure?.code) warnings.push(problem);
  }
  return { failure, warnings: warnings.filter((w) => w.code !== failure?.code) };
}
