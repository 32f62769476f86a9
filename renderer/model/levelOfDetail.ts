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
 * hundred binary searches.
 */
export function forEachTickBucket(series: TickSeries, scale: PixelScale, visit: (bucket: TickBucket) => void): void {
  const { start, pxPerUs, width } = scale;
  if (series.length === 0 || pxPerUs <= 0) return;
  const end = start + width / pxPerUs;
  let i = series.lowerBound(start);
  const last = series.lowerBound(end, i);
  while (i < last) {
    const x = Math.floor((series.t[i] - start) * pxPerUs);
    const columnEnd = start + (x + 1) / pxPerUs;
    let j = series.lowerBound(columnEnd, i + 1);
    if (j > last) j = last;
    if (j <= i) j = i + 1; // float rounding at a column edge: always advance
    visit({ x, from: i, to: j, count: series.sumCount(i, j), value: series.sumValue(i, j) });
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
 * at most a few rectangles per column.
 */
export function forEachLoadSpan(series: SampleSeries, scale: PixelScale, visit: (span: LoadSpan) => void): void {
  const { start, pxPerUs, width } = scale;
  if (series.length === 0 || pxPerUs <= 0) return;
  const end = start + width / pxPerUs;
  let pendingX = -1;
  let pendingSum = 0;
  let pendingN = 0;
  const flush = (): void => {
    if (pendingN > 0) visit({ x0: pendingX, x1: pendingX + 1, load: pendingSum / pendingN });
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
      visit({ x0, x1, load: series.load[i] });
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
