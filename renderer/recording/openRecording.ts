import { ColumnsReader } from '../../shared/event-columns';
import type { LabEvent } from '../../shared/events';
import { RecordingError } from '../../shared/recording';
import { perfEnabled } from '../perf/frameLog';
import type { ObraStore } from '../store/obraStore';
import { EventInterner } from './eventInterner';
import type { RecordingReply } from './recordingProtocol';
import { RecordingWorker } from './recordingWorker';

declare global {
  interface Window {
    /** Where the recording worker's time went in the last open (only with `perf` in the query string). */
    __obraRecordingWorkerMs?: { file: number; lines: number; page: number };
  }
}

/** Events to a batch: the page builds one in a few milliseconds, so it draws between batches. */
const BATCH_EVENTS = 8_000;
/**
 * Hand what was read to the log (and the views) this often while the file
 * loads. The views fold the log at the playhead; handed every batch, with the
 * playhead following at a slower pace, the counters refolded the whole log
 * behind it at each redraw (a tenth of a 10M-event open). Between hand-overs
 * the log and the playhead stay as they were, and the toolbar says how far
 * the reading got.
 */
const HAND_OVER_MS = 1_000;
/** How often the toolbar's progress is told. */
const PROGRESS_MS = 500;

/**
 * Show an NDJSON recording (the CLI's `obra record` output) without starting
 * any process. A worker reads the file as a stream and checks each line as
 * every recording is checked (shared/recording.ts), off the page's thread,
 * and sends them in columns (shared/event-columns.ts); the page builds each
 * batch's events from them (their repeated texts shared) and folds them into
 * the store once a second, so a file of millions of events never blocks the page and never
 * sits whole in memory as text. At a line the check refuses, what came before
 * stays shown and the error says which line.
 */
export async function openRecording(store: ObraStore, file: File): Promise<void> {
  const worker = new RecordingWorker();
  const columns = new ColumnsReader();
  const interner = new EventInterner();
  /** The events that came as lines of JSON (not in columns): parsed, their repeated texts shared. */
  const others = (json: string): LabEvent[] => {
    const events = JSON.parse(json) as LabEvent[];
    for (let i = 0; i < events.length; i++) interner.intern(events[i]);
    return events;
  };
  let begun = false;
  /** Batches read and not yet handed to the log. */
  let pending: LabEvent[][] = [];
  let read = 0;
  let handedAt = performance.now();
  let toldAt = handedAt;

  const handOver = (done: boolean): void => {
    if (!begun) return;
    const batches = pending;
    pending = [];
    // Every batch into the log, the views redrawn once, after the last.
    for (const events of batches.slice(0, -1)) store.getState().appendRecording(events, false, false);
    store.getState().appendRecording(batches[batches.length - 1] ?? [], done);
    handedAt = performance.now();
  };

  const onReply = (reply: RecordingReply): boolean => {
    switch (reply.kind) {
      case 'header':
        begun = true;
        store.getState().beginRecording(reply.header);
        store.getState().showLoadProgress({ events: 0, bytes: 0, size: file.size });
        return false;
      case 'batch': {
        const events = columns.read(reply.columns, others);
        // Read: its columns go back to the worker, to be written again.
        worker.taken(reply.columns);
        pending.push(events);
        read += events.length;
        const now = performance.now();
        if (now - handedAt >= HAND_OVER_MS) handOver(false);
        if (now - toldAt >= PROGRESS_MS) {
          store.getState().showLoadProgress({ events: read, bytes: reply.bytes, size: file.size });
          toldAt = now;
        }
        return false;
      }
      case 'done':
        handOver(true);
        // For the recording bench: where the worker's time went while the page loaded the file.
        if (perfEnabled) window.__obraRecordingWorkerMs = reply.spentMs;
        return true;
      case 'refused':
        handOver(true);
        throw new RecordingError(reply.where, reply.reason, reply.field);
      case 'failed':
        handOver(true);
        throw new DOMException(reply.message, reply.name);
      default:
        throw new Error(`the recording worker answered ${reply.kind} to a read`);
    }
  };

  await worker.run({ kind: 'read', file, batchEvents: BATCH_EVENTS }, onReply);
}
