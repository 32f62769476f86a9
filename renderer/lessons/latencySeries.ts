/**
 * The `blocking` lesson's two latency series, read from what the boss prints:
 * one JSON line per variant, `{"variant":"inline","fastMs":[…]}` (the heavy
 * math in the boss's own process) and `{"variant":"fork","fastMs":[…]}` (the
 * math in a forked worker). Only lines printed at t ≤ cursor count, so the
 * chart follows the playhead like the narration. Pure.
 */
import type { LabEvent } from '../../shared/events';
import { matches, type EventMatcher } from '../../shared/narration';

export type Variant = 'inline' | 'fork';

export interface LatencySeries {
  variant: Variant;
  /** Latency of each /fast request, in ms, in the order the client sent them. */
  fastMs: number[];
  /** When the boss printed it (µs since the run started). */
  t: number;
}

export type LatencyByVariant = Partial<Record<Variant, LatencySeries>>;

/** The same shape the narration's regexes match, one line of a stdout preview at a time. */
const PRINTED: EventMatcher = {
  type: 'stdout',
  proc: 'boss',
  text: '"variant":"(?<variant>inline|fork)","fastMs":\\[(?<series>[^\\]]*)\\]',
};

/** The series the boss had printed by `cursor`; the first line of each variant wins. */
export function latencySeries(log: readonly LabEvent[], cursor: number): LatencyByVariant {
  const start = log.find((e) => e.type === 'run-start');
  const ctx = { boss: start ? start.pid : null, apiOf: new Map() };
  const found: LatencyByVariant = {};
  for (const ev of log) {
    if (ev.t > cursor || ev.type !== 'stdout') continue;
    const groups = matches(PRINTED, ev, ctx);
    if (!groups) continue;
    const variant = groups.variant as Variant;
    if (found[variant]) continue;
    const fastMs = groups.series.split(',').map((x) => x.trim()).filter((x) => x !== '').map(Number).filter(Number.isFinite);
    if (fastMs.length) found[variant] = { variant, fastMs, t: ev.t };
    if (found.inline && found.fork) break;
  }
  return found;
}

export interface LogAxis {
  /** The axis runs from `lo` to `hi` (powers of ten, lo < hi). */
  lo: number;
  hi: number;
  /** One tick per power of ten, lo…hi. */
  ticks: number[];
  /** Where a value sits on the axis, 0 (lo) … 1 (hi); values ≤ lo sit at 0. */
  at: (v: number) => number;
}

/** A log₁₀ axis wide enough for every positive value (1…10 when there is none). */
export function logAxis(values: readonly number[]): LogAxis {
  const positive = values.filter((v) => v > 0);
  // The epsilons keep an exact power of ten (1000) on its own tick, not one above or below.
  const loExp = positive.length ? Math.floor(Math.log10(Math.min(...positive)) + 1e-9) : 0;
  const hiExp = Math.max(loExp + 1, positive.length ? Math.ceil(Math.log10(Math.max(...positive)) - 1e-9) : 1);
  const ticks: number[] = [];
  for (let e = loExp; e <= hiExp; e += 1) ticks.push(Number((10 ** e).toPrecision(1)));
  const span = hiExp - loExp;
  return {
    lo: ticks[0],
    hi: ticks[ticks.length - 1],
    ticks,
    at: (v) => (v <= ticks[0] ? 0 : Math.min(1, (Math.log10(v) - loExp) / span)),
  };
}
