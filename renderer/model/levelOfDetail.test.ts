import { describe, expect, it } from 'vitest';
import { forEachLoadSpan, forEachTickBucket, type TickBucket } from './levelOfDetail';
import { SampleSeries } from './sampleSeries';
import { TickSeries } from './tickSeries';

function buckets(series: TickSeries, start: number, end: number, width: number): TickBucket[] {
  const out: TickBucket[] = [];
  forEachTickBucket(series, { start, pxPerUs: width / (end - start), width }, (b) => out.push({ ...b }));
  return out;
}

describe('level of detail', () => {
  it('draws ten thousand chunks that share a pixel as one bucket with their sum', () => {
    const series = new TickSeries();
    for (let i = 0; i < 10_000; i++) series.add(1_000 + i * 0.01, 64, 1, i);
    const [only, ...rest] = buckets(series, 0, 100_000, 100);
    expect(rest).toHaveLength(0);
    expect(only).toMatchObject({ x: 1, count: 10_000, value: 640_000, from: 0, to: 10_000 });
  });

  it('gives every event its own bucket when they are pixels apart', () => {
    const series = new TickSeries();
    [100, 300, 500].forEach((t, i) => series.add(t, 10 * (i + 1), 1, i));
    expect(buckets(series, 0, 1_000, 1_000).map((b) => [b.x, b.value])).toEqual([
      [100, 10],
      [300, 20],
      [500, 30],
    ]);
  });

  it('leaves out what is outside the window', () => {
    const series = new TickSeries();
    [50, 150, 250].forEach((t, i) => series.add(t, 1, 1, i));
    const inside = buckets(series, 100, 200, 100);
    expect(inside.map((b) => b.from)).toEqual([1]);
  });

  it('visits a million events in a few hundred buckets', () => {
    const series = new TickSeries();
    for (let i = 0; i < 1_000_000; i++) series.add(i, 1, 1, i);
    let visits = 0;
    let total = 0;
    forEachTickBucket(series, { start: 0, pxPerUs: 500 / 1_000_000, width: 500 }, (b) => {
      visits++;
      total += b.count;
    });
    expect(visits).toBe(500);
    expect(total).toBe(1_000_000);
  });

  it('merges load samples narrower than a pixel into their mean', () => {
    const samples = new SampleSeries();
    samples.add(10, 10, 0.2);
    samples.add(20, 10, 0.4);
    samples.add(1_000, 500, 1);
    const spans: Array<{ x0: number; x1: number; load: number }> = [];
    forEachLoadSpan(samples, { start: 0, pxPerUs: 0.01, width: 100 }, (s) => spans.push({ ...s }));
    expect(spans[0].x0).toBe(0);
    expect(spans[0].load).toBeCloseTo(0.3);
    expect(spans[1]).toMatchObject({ x0: 5, x1: 10, load: 1 });
  });
});
