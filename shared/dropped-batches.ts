/**
 * ERR_OBRA_DROPPED: the lab error that says event batches of a run were
 * dropped before the page could take them. One builder for both places that
 * drop batches (electron/shell/batch-relay.ts in main, the renderer's run
 * slice) and one reader for the banner. Pure: no Node or DOM imports.
 */
import type { EventBatch } from './api';
import type { FailureEvent, LabEvent } from './events';

export const DROPPED_CODE = 'ERR_OBRA_DROPPED';

/**
 * The lab error that tells a page `count` batches of its run were dropped
 * before it was ready: it goes into the run's log, so the log, the counters
 * and the banner show it like any lab error. `t`: the first kept event's, so
 * the log stays in time order.
 */
export function droppedBatchesError(count: number, t: number): FailureEvent {
  return {
    type: 'error',
    where: 'lab',
    code: DROPPED_CODE,
    name: 'Error',
    message: `${count} event batches were dropped before the page was ready`,
    t,
    pid: null,
  };
}

/** The batch that goes before `kept` (a run's batches that were not dropped) to say `count` went: its error at the first kept event's `t`. */
export function droppedNoticeBatch(runId: string, count: number, kept: readonly EventBatch[]): EventBatch {
  const firstKept = kept.find((batch) => batch.runId === runId && batch.events.length > 0);
  return { runId, events: [droppedBatchesError(count, firstKept?.events[0].t ?? 0)] };
}

/** How many batches an ERR_OBRA_DROPPED error says were dropped; null for any other event. */
export function droppedCountOf(event: LabEvent): number | null {
  if (event.type !== 'error' || event.code !== DROPPED_CODE) return null;
  const count = /\d+/.exec(event.message);
  return count ? Number(count[0]) : null;
}
