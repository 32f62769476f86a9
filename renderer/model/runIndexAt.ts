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
import { timeOrder } from '../../shared/process-model';
import type { LabEvent } from '../../shared/events';
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
  if (!f || f.length > run.events.length) {
    f = { order: timeOrder(run.events), length: run.events.length, k: 0, cursor: -1, index: new RunIndex() };
    folded.set(run, f);
  } else if (f.length < run.events.length) {
    takeNewcomers(f, run.events);
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

/**
 * The events appended since the last look, placed in time order (equal times in log order);
 * those at or before the folded cursor folded now. Records of several processes come a
 * little out of time order: the newcomers, sorted, are merged with the tail of the order
 * they reach into (one splice per batch, not one per event into a million).
 */
function takeNewcomers(f: Folded, events: readonly LabEvent[]): void {
  const { order } = f;
  const fresh: number[] = [];
  for (let i = f.length; i < events.length; i++) fresh.push(i);
  fresh.sort((a, b) => events[a].t - events[b].t || a - b);
  f.length = events.length;
  // Where the earliest newcomer goes: after every event of equal or earlier time.
  const firstT = events[fresh[0]].t;
  let at = order.length;
  while (at > 0 && events[order[at - 1]].t > firstT) at--;
  if (at === order.length) {
    for (const i of fresh) order.push(i);
  } else {
    const tail = order.splice(at);
    let a = 0;
    let b = 0;
    while (a < tail.length || b < fresh.length) {
      const takeTail = b >= fresh.length || (a < tail.length && events[tail[a]].t <= events[fresh[b]].t);
      order.push(takeTail ? tail[a++] : fresh[b++]);
    }
  }
  // Newcomers at or before the folded cursor: folded now, and the fold's count moves past them.
  for (const i of fresh) {
    if (events[i].t > f.cursor) break;
    f.index.applyOne(events[i], i);
    f.k++;
  }
}
