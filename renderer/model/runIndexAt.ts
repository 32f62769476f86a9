/**
 * The run as it stood at the playhead: a RunIndex of the events with t ≤ cursor,
 * for the panels that show totals and states (counters, the error banner, the
 * inspector) — at 327 ms they know nothing of an exit that comes later. At or
 * past the run's last event it is the run's own index. A forward move folds only
 * the events it passes; a backward one folds again from the start.
 */
import { timeOrder } from '../../shared/process-model';
import { RunIndex } from './runIndex';
import type { RunLog } from './runLog';

interface Folded {
  /** Log indices in time order (equal times in log order), for `length` events of the log. */
  order: number[];
  length: number;
  /** How many of `order` the index holds, and the cursor it was folded to. */
  k: number;
  cursor: number;
  index: RunIndex;
}

const folded = new WeakMap<RunLog, Folded>();

export function runIndexAt(run: RunLog, cursor: number): RunIndex {
  if (cursor >= run.index.lastT) return run.index;
  let f = folded.get(run);
  if (!f || f.length !== run.events.length) {
    f = { order: timeOrder(run.events), length: run.events.length, k: 0, cursor: -1, index: new RunIndex() };
    folded.set(run, f);
  }
  if (cursor < f.cursor) {
    f.k = 0;
    f.index = new RunIndex();
  }
  const { order, index } = f;
  const events = run.events;
  while (f.k < order.length && events[order[f.k]].t <= cursor) {
    index.applyOne(events[order[f.k]], order[f.k]);
    f.k++;
  }
  f.cursor = cursor;
  return index;
}
