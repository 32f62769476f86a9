import type { TickSeries } from './tickSeries';
import type { SampleSeries } from './sampleSeries';

/** The visible time window mapped onto `width` pixels. */
export interface PixelScale {
  /** µs at x = 0. */
  start: number;
  /** Pixels per µs. */
  pxPerUs: number;
  width: number;
}

/** Events of one series that share a pixel column, drawn as one mark with their sums. */
export interface TickBucket {
  x: number;
  /** Index range [from, to) in the series. */
  from: number;
  to: number;
  /** Chunks (an event may stand for several) and bytes in the bucket. */
  count: number;
  value: number;
}

/**
 * Visit the events of `series` inside the pixel range [0, width), one bucket
 * per occupied pixel column. Cost is O(buckets · log n), independent of how
 * many events a column holds: a million chunks at full zoom-out are a few
 * hundred binary searches. The bucket passed is one object, refilled for each column (a
 * draw visits thousands, several times a second): copy it to keep it.
 */
export function forEachTickBucket(series: TickSeries, scale: PixelScale, visit: (bucket: TickBucket) => void): void {
  const { start, pxPerUs, width } = scale;
  if (series.length === 0 || pxPerUs <= 0) return;
  const end = start + width / pxPerUs;
  let i = series.lowerBound(start);
  const last = series.lowerBound(end, i);
  const bucket: TickBucket = { x: 0, from: 0, to: 0, count: 0, value: 0 };
  while (i < last) {
    const x = Math.floor((series.t[i] - start) * pxPerUs);
    const columnEnd = start + (x + 1) / pxPerUs;
    let j = series.lowerBound(columnEnd, i + 1);
    if (j > last) j = last;
    if (j <= i) j = i + 1; // float rounding at a column edge: always advance
    bucket.x = x;
    bucket.from = i;
    bucket.to = j;
    bucket.count = series.sumCount(i, j);
    bucket.value = series.sumValue(i, j);
    visit(bucket);
    i = j;
  }
}

/** A stretch of load shading: pixels [x0, x1) at the mean load of the samples in it. */
export interface LoadSpan {
  x0: number;
  x1: number;
  load: number;
}

/**
 * Load samples as pixel spans. Samples narrower than a pixel are merged into
 * one span per column (their mean load), so a long run at full zoom-out costs
 * at most a few rectangles per column. The span passed is one object, refilled for each
 * (as forEachTickBucket's bucket): copy it to keep it.
 */
export function forEachLoadSpan(series: SampleSeries, scale: PixelScale, visit: (span: LoadSpan) => void): void {
  const { start, pxPerUs, width } = scale;
  if (series.length === 0 || pxPerUs <= 0) return;
  const end = start + width / pxPerUs;
  let pendingX = -1;
  let pendingSum = 0;
  let pendingN = 0;
  const span: LoadSpan = { x0: 0, x1: 0, load: 0 };
  const give = (x0: number, x1: number, load: number): void => {
    span.x0 = x0;
    span.x1 = x1;
    span.load = load;
    visit(span);
  };
  const flush = (): void => {
    if (pendingN > 0) give(pendingX, pendingX + 1, pendingSum / pendingN);
    pendingN = 0;
    pendingSum = 0;
  };
  for (let i = series.lowerBound(start); i < series.length; i++) {
    const t1 = series.t[i];
    const t0 = t1 - series.span[i];
    if (t0 >= end) break;
    const x0 = Math.max(0, (t0 - start) * pxPerUs);
    const x1 = Math.min(width, (t1 - start) * pxPerUs);
    if (x1 - x0 >= 1) {
      flush();
      give(x0, x1, series.load[i]);
      continue;
    }
    const column = Math.floor(x0);
    if (column !== pendingX) {
      flush();
      pendingX = column;
    }
    pendingSum += series.load[i];
    pendingN++;
  }
  flush();
}
