/**
 * A growable, time-ordered column of point events (output chunks, messages,
 * markers) for one lane: times, the log index of each event, and prefix sums
 * of their bytes and chunk counts. Prefix sums make any time range's totals an
 * O(log n) question, which is what level of detail needs: the timeline asks
 * "how many chunks and bytes fall in this pixel column" without visiting them.
 */
export class TickSeries {
  /** Event times, µs, non-decreasing. */
  t: Float64Array;
  /** Index of each event in the run's log. */
  idx: Int32Array;
  /** cumValue[i] = sum of values of events 0..i-1 (length n + 1). */
  cumValue: Float64Array;
  /** cumCount[i] = sum of chunk counts of events 0..i-1 (length n + 1). */
  cumCount: Float64Array;
  /** An optional number per event (an IPC message's sequence number), when asked for. */
  aux: Float64Array | null;
  length = 0;

  constructor(capacity = 16, withAux = false) {
    this.t = new Float64Array(capacity);
    this.idx = new Int32Array(capacity);
    this.cumValue = new Float64Array(capacity + 1);
    this.cumCount = new Float64Array(capacity + 1);
    this.aux = withAux ? new Float64Array(capacity) : null;
  }

  /** Add one event; out-of-order times (rare: reports from two writers) are inserted in place. */
  add(t: number, value: number, count: number, logIndex: number, aux = 0): void {
    if (this.length === this.t.length) this.grow();
    const n = this.length;
    if (n === 0 || this.t[n - 1] <= t) {
      this.t[n] = t;
      this.idx[n] = logIndex;
      if (this.aux) this.aux[n] = aux;
      this.cumValue[n + 1] = this.cumValue[n] + value;
      this.cumCount[n + 1] = this.cumCount[n] + count;
      this.length = n + 1;
      return;
    }
    this.insert(upperBound(this.t, n, t), t, value, count, logIndex, aux);
  }

  valueAt(i: number): number {
    return this.cumValue[i + 1] - this.cumValue[i];
  }

  countAt(i: number): number {
    return this.cumCount[i + 1] - this.cumCount[i];
  }

  /** First index whose time is ≥ t. */
  lowerBound(t: number, from = 0): number {
    return lowerBound(this.t, this.length, t, from);
  }

  sumValue(from: number, to: number): number {
    return this.cumValue[to] - this.cumValue[from];
  }

  sumCount(from: number, to: number): number {
    return this.cumCount[to] - this.cumCount[from];
  }

  private insert(at: number, t: number, value: number, count: number, logIndex: number, aux: number): void {
    const n = this.length;
    this.t.copyWithin(at + 1, at, n);
    this.idx.copyWithin(at + 1, at, n);
    this.t[at] = t;
    this.idx[at] = logIndex;
    if (this.aux) {
      this.aux.copyWithin(at + 1, at, n);
      this.aux[at] = aux;
    }
    // Prefixes up to `at` are unchanged; every later one shifts a place and includes the newcomer.
    for (let i = n; i >= at; i--) {
      this.cumValue[i + 1] = this.cumValue[i] + value;
      this.cumCount[i + 1] = this.cumCount[i] + count;
    }
    this.length = n + 1;
  }

  private grow(): void {
    const capacity = this.t.length * 2;
    this.t = copyInto(new Float64Array(capacity), this.t);
    this.idx = copyInto(new Int32Array(capacity), this.idx);
    this.cumValue = copyInto(new Float64Array(capacity + 1), this.cumValue);
    this.cumCount = copyInto(new Float64Array(capacity + 1), this.cumCount);
    if (this.aux) this.aux = copyInto(new Float64Array(capacity), this.aux);
  }
}

function copyInto<T extends Float64Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

/** First index in sorted[from, n) whose value is ≥ t. */
export function lowerBound(sorted: Float64Array, n: number, t: number, from = 0): number {
  let lo = from;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in sorted[0, n) whose value is > t. */
export function upperBound(sorted: ArrayLike<number>, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
