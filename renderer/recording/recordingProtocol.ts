/** What the page and the recording worker say to each other (recordingWorker.ts ↔ recordingReader.worker.ts). */
import type { EventColumns } from '../../shared/event-columns';
import type { LogHeader } from '../../shared/events';

export type RecordingRequest =
  /** Count an NDJSON file's events, stopping once there are more than `limit`. */
  | { kind: 'count'; file: File; limit: number }
  /** Read and check an NDJSON file, `batchEvents` events to a batch. */
  | { kind: 'read'; file: File; batchEvents: number }
  /** The page took a batch: the worker may send another (and write it in these columns, given back). */
  | { kind: 'taken'; columns?: Pick<EventColumns, 'shapes' | 'numbers' | 'refs'> };

export type RecordingReply =
  | { kind: 'counted'; events: number; over: boolean }
  | { kind: 'header'; header: LogHeader }
  /** Checked events in columns (shared/event-columns.ts), and the file's bytes read so far. */
  | { kind: 'batch'; columns: EventColumns; bytes: number }
  /** The whole file was read; where the worker's time went (ms): waiting for the file, on its lines, waiting for the page. */
  | { kind: 'done'; spentMs: { file: number; lines: number; page: number } }
  /** A line the recording check refused (shared/recording.ts's RecordingError, field by field). */
  | { kind: 'refused'; where: string; reason: string; field: string | null }
  /** Reading the file failed (the browser's own error, by name). */
  | { kind: 'failed'; name: string; message: string };
