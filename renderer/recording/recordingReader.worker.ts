/**
 * The recording worker: an NDJSON recording's bytes read, decoded, split into
 * lines, parsed and checked here (shared/ndjson-batches.ts), off the page's
 * thread; the page gets the checked events in batches of columns
 * (shared/event-columns.ts) and builds them without parsing them again. Its
 * line count against the limit is made here too.
 * Messages are recordingProtocol's. The page takes a batch before it is sent
 * more than IN_FLIGHT ahead, so a file read faster than the page folds it
 * never piles up in memory.
 */
import type { EventColumns } from '../../shared/event-columns';
import { NdjsonBatcher } from '../../shared/ndjson-batches';
import { RecordingError } from '../../shared/recording';
import { NdjsonLineCounter } from '../../shared/recording-limit';
import type { RecordingReply, RecordingRequest } from './recordingProtocol';

/** The worker's side of postMessage (the page's lib has no worker scope types). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<RecordingRequest>) => void) | null; postMessage(reply: RecordingReply, transfer?: Transferable[]): void };

/**
 * Batches sent and not yet taken by the page, at most. Enough for the worker
 * to go on reading while the page folds a second's events into the log and
 * redraws (a few hundred ms for a large file: with 4, the worker stood still
 * for most of it); small enough to hold little (some 0.6 MB a batch).
 */
const IN_FLIGHT = 64;
let unanswered = 0;
let wake: (() => void) | null = null;
/** The read under way (its batcher takes back the columns the page read). */
let batching: NdjsonBatcher | null = null;

async function count(file: File, limit: number): Promise<void> {
  const reader = file.stream().getReader();
  const counter = new NdjsonLineCounter(limit);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (counter.add(value)) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  scope.postMessage({ kind: 'counted', events: counter.events, over: counter.events > limit });
}

async function read(file: File, batchEvents: number): Promise<void> {
  const ready: Array<{ columns: EventColumns; bytes: number }> = [];
  /** Bytes of the file read when the batch being filled was emitted: the page's progress. */
  let bytesRead = 0;
  const batcher = new NdjsonBatcher(batchEvents, (columns) => ready.push({ columns, bytes: bytesRead }));
  batching = batcher;
  let headerSent = false;
  /** Where the worker's time went (ms): waiting for the file, reading and checking its lines, waiting for the page. */
  const spent = { file: 0, lines: 0, page: 0 };
  let since = performance.now();
  const lap = (part: keyof typeof spent): void => {
    const now = performance.now();
    spent[part] += now - since;
    since = now;
  };
  const send = async (): Promise<void> => {
    if (!headerSent && batcher.header) {
      headerSent = true;
      scope.postMessage({ kind: 'header', header: batcher.header });
    }
    for (const batch of ready.splice(0)) {
      if (unanswered >= IN_FLIGHT) {
        lap('lines');
        while (unanswered >= IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
        lap('page');
      }
      unanswered++;
      const { shapes, numbers, refs } = batch.columns;
      // The columns' buffers move to the page (no copy).
      scope.postMessage({ kind: 'batch', ...batch }, [shapes.buffer, numbers.buffer, refs.buffer]);
    }
  };
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      lap('lines');
      const { value, done } = await reader.read();
      lap('file');
      if (done) break;
      bytesRead += value.byteLength;
      batcher.add(decoder.decode(value, { stream: true }));
      await send();
    }
    batcher.add(decoder.decode());
    batcher.finish();
    await send();
    lap('lines');
  } catch (error) {
    // What came before the refused line is still sent, then the refusal.
    await send();
    throw error;
  } finally {
    await reader.cancel().catch(() => {});
  }
  scope.postMessage({ kind: 'done', spentMs: spent });
}

function fail(error: unknown): void {
  if (error instanceof RecordingError) scope.postMessage({ kind: 'refused', where: error.where, reason: error.reason, field: error.field });
  else scope.postMessage({ kind: 'failed', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) });
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'taken') {
    if (request.columns) batching?.recycle(request.columns);
    unanswered--;
    wake?.();
    wake = null;
  } else if (request.kind === 'count') {
    count(request.file, request.limit).catch(fail);
  } else {
    read(request.file, request.batchEvents).catch(fail);
  }
};
