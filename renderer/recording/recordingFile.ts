/**
 * The `.obra.json` recording: the run's header, its whole event log, and the
 * sources of the scripts that ran — enough to replay a lesson offline, with
 * code marks and narration, starting no process. Pure: build, parse, validate.
 */
import type { DemoSource } from '../../shared/api';
import { LOG_VERSION, type LabEvent, type LogHeader } from '../../shared/events';

export interface ObraRecording {
  header: LogHeader;
  events: LabEvent[];
  sources: DemoSource[];
}

/** A file that is not a recording Obra can show; the message says what is wrong and where. */
export class RecordingFileError extends Error {
  readonly code = 'ERR_OBRA_RECORDING';
  constructor(message: string) {
    super(message);
    this.name = 'RecordingFileError';
  }
}

export const RECORDING_SUFFIX = '.obra.json';

export function recordingText(recording: ObraRecording): string {
  return JSON.stringify({ header: recording.header, events: recording.events, sources: recording.sources });
}

/** A file name for a recording: the demo (or script) and the start time, no characters a file system refuses. */
export function recordingFileName(header: LogHeader): string {
  const what = header.demoId ?? header.script.split(/[\\/]/).pop()?.replace(/\.(c|m)?js$/i, '') ?? 'run';
  const when = header.startedAt.replace(/\..*$/, '').replace(/[:T]/g, '-');
  return `${what}-${when}${RECORDING_SUFFIX}`.replace(/[^\w.-]+/g, '_');
}

/** Parse `.obra.json` text, or the CLI's NDJSON (`obra record`), into a recording. Throws RecordingFileError. */
export function parseRecording(text: string, fileName = ''): ObraRecording {
  const trimmed = text.trimStart();
  if (trimmed === '') throw new RecordingFileError(`${fileName || 'the file'} is empty: an Obra recording has a header and events`);
  if (/\.ndjson$/i.test(fileName) || trimmed.startsWith('{"obra"') || isNdjsonHeader(trimmed)) return parseNdjson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RecordingFileError(`not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordingFileError('not an Obra recording: expected an object with "header", "events" and "sources"');
  const body = value as { header?: unknown; events?: unknown; sources?: unknown };
  const header = checkHeader(body.header, '"header"');
  if (!Array.isArray(body.events)) throw new RecordingFileError('"events" must be an array of events');
  const events = body.events.map((event, i) => checkEvent(event, `events[${i}]`));
  const sources = body.sources === undefined ? [] : checkSources(body.sources);
  return { header, events, sources };
}

function isNdjsonHeader(text: string): boolean {
  const first = text.slice(0, text.indexOf('\n') >>> 0);
  try {
    const value = JSON.parse(first) as { obra?: unknown };
    return value.obra === LOG_VERSION;
  } catch {
    return false;
  }
}

function parseNdjson(text: string): ObraRecording {
  let header: LogHeader | null = null;
  const events: LabEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new RecordingFileError(`line ${i + 1}: not JSON (${(error as Error).message})`);
    }
    if (header === null) header = checkHeader(value, `line ${i + 1}`);
    else events.push(checkEvent(value, `line ${i + 1}`));
  }
  if (header === null) throw new RecordingFileError('no header line: an Obra recording starts with {"obra":1,...}');
  return { header, events, sources: [] };
}

function checkHeader(value: unknown, where: string): LogHeader {
  const h = value as Partial<LogHeader> | null;
  if (typeof h !== 'object' || h === null) throw new RecordingFileError(`${where}: missing the run's header`);
  if (h.obra !== LOG_VERSION) throw new RecordingFileError(`${where}: not an Obra recording of version ${LOG_VERSION} ("obra" is ${JSON.stringify(h.obra)})`);
  if (typeof h.runId !== 'string' || h.runId === '') throw new RecordingFileError(`${where}: the header has no "runId"`);
  if (h.demoId !== undefined && typeof h.demoId !== 'string') throw new RecordingFileError(`${where}: "demoId" must be a string`);
  return { script: '', argv: [], cwd: '', node: '', platform: '', cpus: 0, startedAt: '', ...h } as LogHeader;
}

function checkEvent(value: unknown, where: string): LabEvent {
  const e = value as { t?: unknown; type?: unknown } | null;
  if (typeof e !== 'object' || e === null) throw new RecordingFileError(`${where}: an event must be an object`);
  if (typeof e.t !== 'number' || !Number.isFinite(e.t)) throw new RecordingFileError(`${where}: an event needs a numeric "t" (µs since the run started)`);
  if (typeof e.type !== 'string') throw new RecordingFileError(`${where}: an event needs a "type"`);
  return value as LabEvent;
}

function checkSources(value: unknown): DemoSource[] {
  if (!Array.isArray(value)) throw new RecordingFileError('"sources" must be an array of {path, text}');
  return value.map((s: unknown, i) => {
    const source = s as Partial<DemoSource> | null;
    if (!source || typeof source.path !== 'string' || typeof source.text !== 'string') throw new RecordingFileError(`sources[${i}]: needs "path" and "text" strings`);
    return { path: source.path, text: source.text };
  });
}
