/**
 * The run as it stood at the playhead: a RunIndex of the events with t ≤ cursor,
 * for the panels that show totals and states (counters, the error banner, the
 * inspector) — at 327 ms they know nothing of an exit that comes later. At or
 * past the run's last event it is the run's own index. A forward move folds only
 * the events it passes; a backward one folds again from the start.
 *
 * A live log grows under a cursor a little behind its last event: the newcomers
 * are placed in the time order (nearly always at its end), and one at or before
 * the cursor is folded at once — the index folds a log in arrival order as well
 * (RunLog's own does). Never the whole log again per batch: that was quadratic
 * in a long live run.
 */
import { RunIndex } from './runIndex';
import type { RunLog } from './runLog';
import { TimeOrder } from './timeOrder';

interface Folded {
  time: TimeOrder;
  /** How many of `time.order` the index holds, and the cursor it was folded to. */
  k: number;
  cursor: number;
  index: RunIndex;
}

const folded = new WeakMap<RunLog, Folded>();

export function runIndexAt(run: RunLog, cursor: number): RunIndex {
  if (cursor >= run.index.lastT) return run.index;
  let f = folded.get(run);
  if (!f || f.time.length > run.events.length) {
    f = { time: new TimeOrder(run.events), k: 0, cursor: -1, index: new RunIndex() };
    folded.set(run, f);
  } else {
    // Newcomers at or before the folded cursor: folded now, and the fold's count moves past them.
    for (const i of f.time.take(run.events)) {
      if (run.events[i].t > f.cursor) break;
      f.index.applyOne(run.events[i], i);
      f.k++;
    }
  }
  if (cursor < f.cursor) {
    f.k = 0;
    f.index = new RunIndex();
  }
  const { index } = f;
  const { order } = f.time;
  const events = run.events;
  while (f.k < order.length && events[order[f.k]].t <= cursor) {
    index.applyOne(events[order[f.k]], order[f.k]);
    f.k++;
  }
  f.cursor = cursor;
  return index;
}
