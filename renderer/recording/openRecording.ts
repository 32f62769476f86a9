import type { LabEvent } from '../../shared/events';
import { RecordingError } from '../../shared/recording';
import type { ObraStore } from '../store/obraStore';
import { EventInterner } from './eventInterner';
import type { RecordingReply } from './recordingProtocol';
import { RecordingWorker } from './recordingWorker';

/**
 * Events to a batch: the page's JSON.parse of one takes a few milliseconds, so
 * the page draws between batches.
 */
const BATCH_EVENTS = 8_000;
/**
 * Redraw the views this often while the file loads: each batch is folded into
 * the log as it comes, but a redraw every quarter second was a fifth of a
 * large file's load (the views redraw the whole stage and narration each time).
 */
const REDRAW_MS = 1_000;

/**
 * Show an NDJSON recording (the CLI's `obra record` output) without starting
 * any process. A worker reads the file as a stream and checks each line as
 * every recording is checked (shared/recording.ts), off the page's thread;
 * the page builds each batch's events with one JSON.parse, shares their
 * repeated texts (eventInterner.ts) and folds them into the store, so a file
 * of millions of events never blocks the page and never sits whole in memory
 * as text. At a line the check refuses, what came before stays shown and the
 * error says which line.
 */
export async function openRecording(store: ObraStore, file: File): Promise<void> {
  const worker = new RecordingWorker();
  const interner = new EventInterner();
  let begun = false;
  let drawnAt = performance.now();

  const handOver = (events: LabEvent[], done: boolean): void => {
    if (!begun) return;
    const redraw = done || performance.now() - drawnAt >= REDRAW_MS;
    store.getState().appendRecording(events, done, redraw);
    if (redraw) drawnAt = performance.now();
  };

  const onReply = (reply: RecordingReply): boolean => {
    switch (reply.kind) {
      case 'header':
        begun = true;
        store.getState().beginRecording(reply.header);
        return false;
      case 'batch': {
        worker.taken();
        const events = JSON.parse(reply.json) as LabEvent[];
        for (let i = 0; i < events.length; i++) interner.intern(events[i]);
        handOver(events, false);
        return false;
      }
      case 'done':
        handOver([], true);
        return true;
      case 'refused':
        handOver([], true);
        throw new RecordingError(reply.where, reply.reason, reply.field);
      case 'failed':
        handOver([], true);
        throw new DOMException(reply.message, reply.name);
      default:
        throw new Error(`the recording worker answered ${reply.kind} to a read`);
    }
  };

  await worker.run({ kind: 'read', file, batchEvents: BATCH_EVENTS }, onReply);
}
