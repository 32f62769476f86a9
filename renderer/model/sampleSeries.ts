import { lowerBound } from './tickSeries';

/**
 * Load samples of one process (event-loop utilisation from the probe, or CPU
 * from OS sampling), time-ordered. A sample at `t` covers (t - span, t]: a long
 * span is the gap a blocked event loop leaves before its next sample.
 */
export class SampleSeries {
  t: Float64Array;
  span: Float64Array;
  /** Load 0–1 (ELU, or CPU as a fraction of one core, capped at 1). */
  load: Float32Array;
  length = 0;

  constructor(capacity = 16) {
    this.t = new Float64Array(capacity);
    this.span = new Float64Array(capacity);
    this.load = new Float32Array(capacity);
  }

  add(t: number, span: number, load: number): void {
    if (this.length === this.t.length) this.grow();
    let at = this.length;
    while (at > 0 && this.t[at - 1] > t) at--;
    if (at < this.length) {
      this.t.copyWithin(at + 1, at, this.length);
      this.span.copyWithin(at + 1, at, this.length);
      this.load.copyWithin(at + 1, at, this.length);
    }
    this.t[at] = t;
    this.span[at] = Math.max(0, span);
    this.load[at] = Math.min(1, Math.max(0, load));
    this.length++;
  }

  /** First sample whose end time is ≥ t (the first that can overlap a window starting at t). */
  lowerBound(t: number): number {
    return lowerBound(this.t, this.length, t);
  }

  private grow(): void {
    const capacity = this.t.length * 2;
    const t = new Float64Array(capacity);
    t.set(this.t);
    const span = new Float64Array(capacity);
    span.set(this.span);
    const load = new Float32Array(capacity);
    load.set(this.load);
    this.t = t;
    this.span = span;
    this.load = load;
  }
}
