/**
 * A growing log's events in time order. The lab's log is in time order within a batch,
 * not between batches (electron/lab/bounded-run-log.ts): records of several processes
 * reach it a little out of order. Folds that must see events in the order they happened
 * (the run as it stood at the playhead, the story of one's own script) keep one of these
 * and fold through `order`.
 */
import { timeOrder } from '../../shared/process-model';
import type { LabEvent } from '../../shared/events';

export class TimeOrder {
  /** Log indices in time order (equal times in log order), for `length` events of the log. */
  readonly order: number[];
  length: number;

  constructor(events: readonly LabEvent[]) {
    this.order = timeOrder(events);
    this.length = events.length;
  }

  /**
   * Places the events appended since the last look and returns them, sorted the same way.
   * Nearly always they go at the end; otherwise the sorted newcomers are merged with the
   * tail of the order they reach into (one splice per batch, not one per event into a
   * million). A fold that had passed a newcomer's time folds it now and counts it as passed:
   * it went in before every event later than it.
   */
  take(events: readonly LabEvent[]): number[] {
    const { order } = this;
    const fresh: number[] = [];
    for (let i = this.length; i < events.length; i++) fresh.push(i);
    this.length = events.length;
    if (!fresh.length) return fresh;
    fresh.sort((a, b) => events[a].t - events[b].t || a - b);
    // Where the earliest newcomer goes: after every event of equal or earlier time.
    const firstT = events[fresh[0]].t;
    let at = order.length;
    while (at > 0 && events[order[at - 1]].t > firstT) at--;
    if (at === order.length) {
      for (const i of fresh) order.push(i);
      return fresh;
    }
    const tail = order.splice(at);
    let a = 0;
    let b = 0;
    while (a < tail.length || b < fresh.length) {
      const takeTail = b >= fresh.length || (a < tail.length && events[tail[a]].t <= events[fresh[b]].t);
      order.push(takeTail ? tail[a++] : fresh[b++]);
    }
    return fresh;
  }
}
