/**
 * Writing a run's log to a file (or stdout) as NDJSON or Chrome trace JSON,
 * in pieces, so a log of a million events never becomes one giant string.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { LabEvent, LogHeader } from '../../shared/events';
import { formatEventLine, formatHeaderLine } from '../../shared/recording';
import { toChromeTrace, type NarrationMark } from '../../shared/trace';
import type { TraceFormat } from './args';

const PIECE = 2000;

async function writeAll(stream: Writable, pieces: Iterable<string>): Promise<void> {
  let buffer = '';
  let count = 0;
  for (const piece of pieces) {
    buffer += piece;
    if (++count % PIECE === 0) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  if (buffer && !stream.write(buffer)) await once(stream, 'drain');
}

function* ndjsonPieces(header: LogHeader, events: readonly LabEvent[]): Generator<string> {
  yield formatHeaderLine(header);
  for (const event of events) yield formatEventLine(event);
}

function* tracePieces(events: readonly LabEvent[], steps?: readonly NarrationMark[]): Generator<string> {
  const trace = toChromeTrace(events, { steps });
  yield '{"traceEvents":[\n';
  for (let i = 0; i < trace.traceEvents.length; i++) {
    yield (i ? ',\n' : '') + JSON.stringify(trace.traceEvents[i]);
  }
  yield `\n],"displayTimeUnit":${JSON.stringify(trace.displayTimeUnit)}}\n`;
}

/** Where the log goes: a file opened now (so a bad path fails before the run), or stdout. */
export interface LogOutput {
  stream: Writable;
  /** Flush and close (a no-op for stdout). */
  finish(): Promise<void>;
}

export async function openLogOutput(out: string, stdout: Writable): Promise<LogOutput> {
  if (out === '-') return { stream: stdout, finish: async () => {} };
  const file = fs.createWriteStream(out);
  await once(file, 'open');
  return {
    stream: file,
    finish: async () => {
      file.end();
      await once(file, 'finish');
    },
  };
}

/** Write the log. Resolves when the stream has taken every piece. */
export async function writeLog(stream: Writable, format: TraceFormat, header: LogHeader, events: readonly LabEvent[], steps?: readonly NarrationMark[]): Promise<void> {
  await writeAll(stream, format === 'trace' ? tracePieces(events, steps) : ndjsonPieces(header, events));
}

/** The default file name: obra-<name>.ndjson or obra-<name>.trace.json in the current folder. */
export function defaultOutName(name: string, format: TraceFormat): string {
  const safe = name.replace(/\.[cm]?[jt]s$/, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'run';
  return `obra-${safe}.${format === 'trace' ? 'trace.json' : 'ndjson'}`;
}

/** --format wins; else a --out ending in .json (not .ndjson) means trace; else NDJSON. */
export function chooseFormat(format: TraceFormat | null, out: string | null): TraceFormat {
  if (format) return format;
  return out !== null && /\.json$/i.test(out) ? 'trace' : 'ndjson';
}
