import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { timeOrder } from '../../shared/process-model';
import { TimeOrder } from './timeOrder';

const at = (t: number): LabEvent => ({ type: 'stdout', t, pid: 1, childId: 'boss', bytes: 1, preview: 'x' });

describe('TimeOrder', () => {
  it('kept up as the log grows in batches out of order with each other, is the time order of the whole log', () => {
    const times = [0, 5, 9, 3, 12, 9, 1, 20, 15, 15, 2, 30];
    const log: LabEvent[] = [];
    const time = new TimeOrder(log);
    const batches = [[0, 5, 9], [3, 12], [9, 1, 20], [15], [15, 2, 30]];
    let seen = 0;
    for (const batch of batches) {
      log.push(...batch.map(at));
      const fresh = time.take(log);
      // The newcomers, and only they, in time order (equal times in log order).
      expect(fresh).toEqual(timeOrder(log).filter((i) => i >= seen));
      seen = log.length;
      expect(time.order).toEqual(timeOrder(log));
    }
    expect(log.map((e) => e.t)).toEqual(times);
    expect(time.take(log)).toEqual([]);
  });
});
