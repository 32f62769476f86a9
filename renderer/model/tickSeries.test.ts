import { describe, expect, it } from 'vitest';
import { TickSeries } from './tickSeries';

describe('TickSeries', () => {
  it('answers range totals from prefix sums', () => {
    const series = new TickSeries(2);
    [10, 20, 30, 40].forEach((t, i) => series.add(t, 100 * (i + 1), 1, i));
    expect(series.length).toBe(4);
    expect(series.sumValue(1, 3)).toBe(200 + 300);
    expect(series.sumCount(0, 4)).toBe(4);
    expect(series.lowerBound(25)).toBe(2);
    expect(series.lowerBound(5)).toBe(0);
    expect(series.lowerBound(45)).toBe(4);
  });

  it('counts the chunks a coalesced event stands for', () => {
    const series = new TickSeries();
    series.add(5, 4096, 1, 0);
    series.add(6, 65536 * 3, 3, 1);
    expect(series.sumCount(0, 2)).toBe(4);
    expect(series.valueAt(1)).toBe(65536 * 3);
    expect(series.countAt(1)).toBe(3);
  });

  it('keeps time order when a report arrives late', () => {
    const series = new TickSeries(2);
    series.add(10, 1, 1, 0);
    series.add(30, 3, 1, 1);
    series.add(40, 4, 1, 2);
    series.add(20, 2, 1, 3);
    expect(Array.from(series.t.subarray(0, 4))).toEqual([10, 20, 30, 40]);
    expect(Array.from(series.idx.subarray(0, 4))).toEqual([0, 3, 1, 2]);
    expect([0, 1, 2, 3].map((i) => series.valueAt(i))).toEqual([1, 2, 3, 4]);
    expect(series.sumValue(0, 4)).toBe(10);
  });

  it('keeps a per-event number (a message sequence) in step through growth and late inserts', () => {
    const series = new TickSeries(1, true);
    series.add(10, 1, 1, 0, 1);
    series.add(30, 1, 1, 1, 3);
    series.add(20, 1, 1, 2, 2);
    expect(Array.from(series.aux!.subarray(0, 3))).toEqual([1, 2, 3]);
  });
});
