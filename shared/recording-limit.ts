/**
 * How large a recording Obra opens, and the error past it. The page holds
 * every event of the recording it shows as an object, its repeated texts
 * shared (renderer/recording/eventInterner.ts): about 90 bytes of JS heap an
 * event, measured by bench/recording.bench.cjs — 10 million events are some
 * 850 MiB, under the 1 GB a page can count on, and still pan and zoom at 60
 * frames a second. The limit is checked before anything is parsed, so an
 * oversized file is refused in seconds rather than loaded until the tab runs
 * out of memory.
 *
 * Two forms, two measures:
 * - NDJSON (`obra record`) is read as a stream: its lines are counted first,
 *   and more than MAX_RECORDING_EVENTS events refuse the file;
 * - `.obra.json` is one JSON document, read and parsed whole: past
 *   MAX_RECORDING_JSON_BYTES (about 2 million events) the text alone and its
 *   parse would need more than the page has; larger runs open as NDJSON.
 *
 * Pure (no Node or DOM imports).
 */
import { EVENT_TYPES } from './event-check';

/** Events an NDJSON recording may hold (its header line aside). */
export const MAX_RECORDING_EVENTS = 10_000_000;

/** Bytes a `.obra.json` recording may have. */
export const MAX_RECORDING_JSON_BYTES = 256 * 2 ** 20;

export const RECORDING_TOO_LARGE = 'ERR_OBRA_RECORDING_TOO_LARGE';

/**
 * The fewest bytes an event's line can take: every event has a `type` (the shortest type's
 * name), a number `t` and a `pid` (shared/event-check.ts), and its newline.
 */
export const MIN_EVENT_LINE_BYTES = '{"type":"","t":0,"pid":0}\n'.length + Math.min(...EVENT_TYPES.map((type) => type.length));

/**
 * Whether an NDJSON file of this size could hold more than the limit's events: a smaller one
 * cannot, and is opened without counting its lines first (a second read of the whole file).
 */
export function mayPassEventLimit(bytes: number, limit = MAX_RECORDING_EVENTS): boolean {
  return bytes > limit * MIN_EVENT_LINE_BYTES;
}

/** What was measured of the file, and the limit it passed. */
export interface RecordingSize {
  fileName: string;
  /** The file's size, bytes. */
  bytes: number;
  /** Events counted before the count passed the limit (more follow); null where only the size was measured. */
  eventsOver: number | null;
  /** Which limit: events (NDJSON) or bytes (`.obra.json`). */
  limit: { events: number } | { bytes: number };
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** A recording past the limit: the file, what was measured, the limit. Its message is English; the page words it in its own language. */
export class RecordingTooLargeError extends Error {
  readonly code = RECORDING_TOO_LARGE;
  constructor(readonly size: RecordingSize) {
    super(
      'events' in size.limit
        ? `${size.fileName} (${mib(size.bytes)}) holds more than ${size.limit.events.toLocaleString('en-US')} events: Obra opens recordings of up to ${size.limit.events.toLocaleString('en-US')} events. Nothing was opened.`
        : `${size.fileName} is ${mib(size.bytes)}: Obra opens .obra.json recordings of up to ${mib(size.limit.bytes)} (larger runs as NDJSON, obra record's form, up to ${MAX_RECORDING_EVENTS.toLocaleString('en-US')} events). Nothing was opened.`,
    );
    this.name = 'RecordingTooLargeError';
  }
}

/**
 * Count the events of NDJSON text arriving in chunks (the header and blank
 * lines not counted), stopping as soon as there are more than `limit`.
 */
export class NdjsonLineCounter {
  /** Non-blank lines seen. */
  lines = 0;
  private lastByte = 10;

  constructor(readonly limit = MAX_RECORDING_EVENTS) {}

  /** Count one chunk; true once the events passed the limit. */
  add(chunk: Uint8Array): boolean {
    let at = chunk.indexOf(10);
    let previous = this.lastByte;
    let from = 0;
    while (at !== -1) {
      // A line with something on it: a newline not right after another (a CRLF's \r is something: rare blank CRLF lines count).
      if (at > from || previous !== 10) this.lines++;
      previous = 10;
      from = at + 1;
      at = chunk.indexOf(10, from);
    }
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1];
    return this.events > this.limit;
  }

  /** Events so far: the lines but the header, and a last line without its newline. */
  get events(): number {
    return Math.max(0, this.lines + (this.lastByte !== 10 ? 1 : 0) - 1);
  }
}
