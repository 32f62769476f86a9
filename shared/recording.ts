/**
 * Recordings: one run's header and event log on disk, written and read here
 * only. Two forms:
 * - NDJSON (`obra record`): line 1 the LogHeader (`{"obra":1,...}`), every
 *   following line one LabEvent;
 * - `.obra.json` (the app's Save recording): `{ header, events, sources }`,
 *   the sources of the scripts that ran, so a lesson replays with its code.
 *
 * What is accepted, the same for both forms and every reader (the renderer,
 * the CLI's tests, the tests):
 * - the header needs `obra` (this build reads 1) and a non-empty `runId`;
 *   `script`, `argv`, `cwd`, `node`, `platform`, `cpus`, `startedAt` and
 *   `demoId` are shown when present (empty when not), and must be of their
 *   type when present;
 * - every event is checked field by field as the lab checks it
 *   (shared/event-check.ts): `type` one this build knows, `t` a number, `pid`
 *   an integer or null, and each field its type needs;
 * - blank lines and CRLF endings are fine.
 * Anything else refuses the whole file with ERR_OBRA_RECORDING, naming the
 * line (or `events[i]`) and the field: nothing is left out or made up. An
 * event type this build does not know (a newer Obra wrote it) is refused too:
 * Obra cannot show what it does not know.
 *
 * Pure (no Node or DOM imports).
 */
import type { DemoSource } from './api';
import { LOG_VERSION, type LabEvent, type LogHeader } from './events';
import { checkEvent } from './event-check';

export interface Recording {
  header: LogHeader;
  events: LabEvent[];
  /** The scripts that ran (`.obra.json`; none in NDJSON). */
  sources: DemoSource[];
}

const RECORDING_CODE = 'ERR_OBRA_RECORDING';

/** What is wrong with a recording: where (`line 3`, `events[2]`, `"header"`) and which field. */
export class RecordingError extends Error {
  readonly code = RECORDING_CODE;
  constructor(
    /** `line N` (1-based) in NDJSON, a JSON path in `.obra.json`. */
    readonly where: string,
    readonly reason: string,
    /** The field at fault, when one is. */
    readonly field: string | null = null,
  ) {
    super(`recording ${where}: ${reason}`);
    this.name = 'RecordingError';
  }
}

const RECORDING_SUFFIX = '.obra.json';

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

/** The `.obra.json` text of a recording. */
export function recordingText(recording: Recording): string {
  return JSON.stringify({ header: recording.header, events: recording.events, sources: recording.sources });
}

/** A file name for a recording: the demo (or script) and the start time, no characters a file system refuses. */
export function recordingFileName(header: LogHeader): string {
  const what = header.demoId ?? header.script.split(/[\\/]/).pop()?.replace(/\.(c|m)?js$/i, '') ?? 'run';
  const when = header.startedAt.replace(/\..*$/, '').replace(/[:T]/g, '-');
  return `${what}-${when}${RECORDING_SUFFIX}`.replace(/[^\w.-]+/g, '_');
}

/**
 * Reads NDJSON one line at a time, so a big file can be read as a stream
 * (the renderer) or whole (readRecording). Throws RecordingError.
 */
export class NdjsonReader {
  header: LogHeader | null = null;
  private lineNo = 0;

  /** The next line (without its `\n`): the event it holds, or null for the header or a blank line. */
  line(text: string): LabEvent | null {
    this.lineNo++;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim() === '') return null;
    // The line's name is made only for an error (a million lines, a million strings otherwise).
    const value = parseJson(line, this.lineNo);
    if (this.header === null) {
      const where = `line ${this.lineNo}`;
      if (typeof value !== 'object' || value === null || !('obra' in value)) {
        throw new RecordingError(where, 'not an Obra recording: the first line must be a {"obra":1,...} header', 'obra');
      }
      this.header = checkHeader(value, where);
      return null;
    }
    return eventAt(value, this.lineNo);
  }

  /** A line read and checked elsewhere (shared/shaped-lines.ts), counted so later lines keep their numbers. */
  passed(): void {
    this.lineNo++;
  }

  /** The header, once every line is read; a file without one is refused. */
  finish(): LogHeader {
    if (this.header === null) throw new RecordingError('line 1', 'empty file: an Obra recording starts with a {"obra":1,...} header line', 'obra');
    return this.header;
  }
}

/** Read `.obra.json` text, or NDJSON (`obra record`'s), into a recording. Throws RecordingError. */
export function readRecording(text: string, fileName = ''): Recording {
  const trimmed = text.trimStart();
  if (/\.ndjson$/i.test(fileName) || trimmed === '' || trimmed.startsWith('{"obra"') || isNdjsonHeader(trimmed)) return readNdjson(text);
  const value = parseJson(text, 'file');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RecordingError('file', 'not an Obra recording: expected an object with "header", "events" and "sources"');
  }
  const body = value as { header?: unknown; events?: unknown; sources?: unknown };
  const header = checkHeader(body.header, '"header"');
  if (!Array.isArray(body.events)) throw new RecordingError('file', '"events" must be an array of events', 'events');
  const events = body.events.map((event, i) => eventAt(event, `events[${i}]`));
  const sources = body.sources === undefined ? [] : checkSources(body.sources);
  return { header, events, sources };
}

function readNdjson(text: string): Recording {
  const reader = new NdjsonReader();
  const events: LabEvent[] = [];
  for (const line of text.split('\n')) {
    const event = reader.line(line);
    if (event) events.push(event);
  }
  return { header: reader.finish(), events, sources: [] };
}

function isNdjsonHeader(text: string): boolean {
  try {
    const value = JSON.parse(text.slice(0, text.indexOf('\n') >>> 0)) as { obra?: unknown };
    return typeof value === 'object' && value !== null && 'obra' in value;
  } catch {
    return false;
  }
}

/** Where in a recording: a JSON path, or an NDJSON line's number. */
const placeOf = (where: string | number): string => (typeof where === 'number' ? `line ${where}` : where);

function parseJson(text: string, where: string | number): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RecordingError(placeOf(where), `not JSON (${(err as Error).message})`);
  }
}

function eventAt(value: unknown, where: string | number): LabEvent {
  const checked = checkEvent(value, 'log');
  if ('event' in checked) return checked.event;
  const hint = checked.field === 'type' ? ' (written by a newer Obra? open it there)' : '';
  throw new RecordingError(placeOf(where), checked.refused + hint, checked.field || null);
}

/** Header fields a view shows: their type, and what stands in when one is missing. */
const HEADER_FIELDS: Array<[keyof LogHeader, (v: unknown) => boolean, string, unknown]> = [
  ['script', (v) => typeof v === 'string', 'a string', ''],
  ['argv', (v) => Array.isArray(v) && v.every((a) => typeof a === 'string'), 'strings', []],
  ['cwd', (v) => typeof v === 'string', 'a string', ''],
  ['node', (v) => typeof v === 'string', 'a string', ''],
  ['platform', (v) => typeof v === 'string', 'a string', ''],
  ['cpus', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0, 'a count', 0],
  ['startedAt', (v) => typeof v === 'string', 'a string', ''],
];

function checkHeader(value: unknown, where: string): LogHeader {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordingError(where, "missing the run's header");
  const h = value as Record<string, unknown>;
  if (h.obra !== LOG_VERSION) {
    throw new RecordingError(where, `not an Obra recording of version ${LOG_VERSION} ("obra" is ${JSON.stringify(h.obra)})`, 'obra');
  }
  if (typeof h.runId !== 'string' || h.runId === '') throw new RecordingError(where, 'the header has no "runId" (a non-empty string)', 'runId');
  if (h.demoId !== undefined && typeof h.demoId !== 'string') throw new RecordingError(where, 'the header\'s "demoId" must be a string', 'demoId');
  const header: Record<string, unknown> = { ...h };
  for (const [field, ok, what, missing] of HEADER_FIELDS) {
    if (h[field] === undefined) header[field] = missing;
    else if (!ok(h[field])) throw new RecordingError(where, `the header's "${field}" must be ${what}`, field);
  }
  return header as unknown as LogHeader;
}

function checkSources(value: unknown): DemoSource[] {
  if (!Array.isArray(value)) throw new RecordingError('file', '"sources" must be an array of {path, text}', 'sources');
  return value.map((s: unknown, i) => {
    const source = s as Partial<DemoSource> | null;
    if (!source || typeof source.path !== 'string' || typeof source.text !== 'string') {
      throw new RecordingError(`sources[${i}]`, 'needs "path" and "text" strings', 'path');
    }
    return { path: source.path, text: source.text };
  });
}
