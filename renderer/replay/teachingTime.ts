/**
 * Teaching speed: a replay clock that gives every event its own moment on
 * screen. Real gaps between events range from microseconds to seconds; here
 * each gap between two distinct event times lasts a minimum dwell plus a
 * logarithm of its real length, so 3 µs and 3 s are both watchable and the
 * longer one still feels longer. Pure: the playback driver maps through it.
 */
import { upperBound } from '../model/tickSeries';

/** Every event stays on screen at least this long (ms, at 1×). */
export const MIN_DWELL_MS = 450;
/** Extra ms per decade of the real gap, measured from 1 ms. */
export const DWELL_PER_DECADE_MS = 250;

/** On-screen ms for a real gap of `gapUs` µs between two events. */
export function dwellMs(gapUs: number): number {
  if (gapUs <= 0) return 0;
  return MIN_DWELL_MS + DWELL_PER_DECADE_MS * Math.log10(1 + gapUs / 1_000);
}

/** A piecewise-linear map between run time (µs) and teaching time (ms on screen). */
export class TeachingClock {
  /** Distinct event times, ascending (µs). */
  readonly times: number[];
  /** Teaching ms at each of `times`. */
  private readonly wall: number[];

  constructor(eventTimes: Iterable<number>) {
    this.times = [...new Set(eventTimes)].filter((t) => Number.isFinite(t) && t >= 0).sort((a, b) => a - b);
    if (this.times[0] !== 0) this.times.unshift(0);
    this.wall = [0];
    for (let i = 1; i < this.times.length; i++) this.wall.push(this.wall[i - 1] + dwellMs(this.times[i] - this.times[i - 1]));
  }

  /**
   * Take later event times (a live run's new batch) without rebuilding: false,
   * and nothing changed, when one comes before the clock's last time (the
   * log is in arrival order, not always in time order) — then build anew.
   */
  extend(eventTimes: readonly number[]): boolean {
    const last = this.times[this.times.length - 1];
    if (eventTimes.some((t) => !(t >= last))) return false;
    for (const t of [...new Set(eventTimes)].sort((a, b) => a - b)) {
      if (t === this.times[this.times.length - 1]) continue;
      this.wall.push(this.wall[this.wall.length - 1] + dwellMs(t - this.times[this.times.length - 1]));
      this.times.push(t);
    }
    return true;
  }

  /** Teaching ms of the whole run. */
  get totalMs(): number {
    return this.wall[this.wall.length - 1];
  }

  /** Teaching ms at run time `t` µs. */
  toTeaching(t: number): number {
    const i = lastAtOrBefore(this.times, t);
    if (i < 0) return 0;
    if (i >= this.times.length - 1) return this.wall[this.wall.length - 1];
    const span = this.times[i + 1] - this.times[i];
    return this.wall[i] + ((t - this.times[i]) / span) * (this.wall[i + 1] - this.wall[i]);
  }

  /** Run time µs at teaching ms `ms`. */
  toRun(ms: number): number {
    if (ms <= 0) return this.times[0];
    const i = lastAtOrBefore(this.wall, ms);
    if (i >= this.wall.length - 1) return this.times[this.times.length - 1];
    const span = this.wall[i + 1] - this.wall[i];
    return this.times[i] + (span > 0 ? ((ms - this.wall[i]) / span) * (this.times[i + 1] - this.times[i]) : 0);
  }
}

/** Index of the last element ≤ x in an ascending array (-1 if none). */
export function lastAtOrBefore(sorted: readonly number[], x: number): number {
  return upperBound(sorted, sorted.length, x) - 1;
}

/** The next distinct time after `t` (or null), and the previous one before `t`. */
export function nextTime(sorted: readonly number[], t: number): number | null {
  const i = lastAtOrBefore(sorted, t) + 1;
  return i < sorted.length ? sorted[i] : null;
}
export function previousTime(sorted: readonly number[], t: number): number | null {
  let i = lastAtOrBefore(sorted, t);
  while (i >= 0 && sorted[i] >= t) i--;
  return i >= 0 ? sorted[i] : null;
}

/** Replay speeds offered (× real time). */
export const SPEEDS = [0.05, 0.1, 0.25, 0.5, 1, 2] as const;

export function stepSpeed(speed: number, direction: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed - 1e-9);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at + direction))];
}
