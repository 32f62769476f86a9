/**
 * NDJSON recordings: the on-disk form of one run's event log.
 *
 * Line 1 is the LogHeader (`{"obra":1,...}`), every following line one LabEvent.
 * Pure (no Node or DOM imports): the CLI writes these files and the renderer opens them.
 */
import { LOG_VERSION, type LabEvent, type LogHeader } from './events';

/** A recording read back from text. */
export interface Recording {
  header: LogHeader;
  events: LabEvent[];
  /**
   * Events of types this build does not know (a newer Obra may add types: the
   * contract adds, never renames). They are left out of `events`, and counted.
   */
  skippedUnknown: number;
}

/** What is wrong with a recording, and on which line (1-based). */
export class RecordingFormatError extends Error {
  readonly code = 'ERR_OBRA_RECORDING';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`recording line ${line}: ${reason}`);
    this.name = 'RecordingFormatError';
  }
}

/** Every event type this build knows; a recording may hold others, from a newer Obra. */
export const EVENT_TYPES: ReadonlySet<string> = new Set<LabEvent['type']>([
  'run-start', 'run-end', 'call', 'spawn', 'exit', 'close', 'disconnect',
  'stdout', 'stderr', 'message', 'callback', 'error', 'os-process', 'sample', 'thread', 'task',
]);

/** The header line, with its newline. */
export function formatHeaderLine(header: LogHeader): string {
  return JSON.stringify(header) + '\n';
}

/** One event line, with its newline. */
export function formatEventLine(event: LabEvent): string {
  return JSON.stringify(event) + '\n';
}

/** The whole recording as NDJSON text (header first, one event per line, final newline). */
export function formatRecording(header: LogHeader, events: readonly LabEvent[]): string {
  const lines = [JSON.stringify(header)];
  for (const event of events) lines.push(JSON.stringify(event));
  return lines.join('\n') + '\n';
}

/**
 * Parse an NDJSON recording. Blank lines (a trailing newline, CRLF endings) are
 * allowed; anything else that is not a header then events throws a
 * RecordingFormatError naming the line.
 */
export function parseRecording(text: string): Recording {
  const lines = text.split('\n');
  let header: LogHeader | null = null;
  const events: LabEvent[] = [];
  let skippedUnknown = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '') continue;
    const lineNo = i + 1;
    const value = parseLine(line, lineNo);
    if (header === null) header = checkHeader(value, lineNo);
    else {
      const event = checkEvent(value, lineNo);
      if (EVENT_TYPES.has(event.type)) events.push(event);
      else skippedUnknown++;
    }
  }
  if (header === null) throw new RecordingFormatError(1, 'empty file: an Obra recording starts with a {"obra":1,...} header line');
  return { header, events, skippedUnknown };
}

function parseLine(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    throw new RecordingFormatError(lineNo, `not JSON (${(err as Error).message})`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkHeader(value: unknown, lineNo: number): LogHeader {
  if (!isObject(value) || !('obra' in value)) {
    throw new RecordingFormatError(lineNo, 'not an Obra recording: the first line must be a {"obra":1,...} header');
  }
  if (value.obra !== LOG_VERSION) {
    throw new RecordingFormatError(lineNo, `unsupported recording version ${JSON.stringify(value.obra)} (this Obra reads version ${LOG_VERSION})`);
  }
  for (const key of ['runId', 'script', 'startedAt'] as const) {
    if (typeof value[key] !== 'string') throw new RecordingFormatError(lineNo, `header has no string "${key}"`);
  }
  return value as unknown as LogHeader;
}

function checkEvent(value: unknown, lineNo: number): LabEvent {
  if (!isObject(value)) throw new RecordingFormatError(lineNo, 'an event must be a JSON object');
  if (typeof value.type !== 'string' || value.type === '') {
    throw new RecordingFormatError(lineNo, 'an event needs a "type" string');
  }
  if (typeof value.t !== 'number' || !Number.isFinite(value.t)) {
    throw new RecordingFormatError(lineNo, `${value.type} event has no numeric "t"`);
  }
  if (value.pid !== null && typeof value.pid !== 'number') {
    throw new RecordingFormatError(lineNo, `${value.type} event has no "pid" (a number or null)`);
  }
  return value as unknown as LabEvent;
}
