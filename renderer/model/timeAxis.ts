/**
 * The timeline's time axis: "nice" tick positions (1, 2, 5 × 10^k µs) for a
 * window and a width, and the unit they read best in (µs, ms or s).
 */
export type TimeUnit = 'µs' | 'ms' | 's';

export const US_PER_UNIT: Record<TimeUnit, number> = { µs: 1, ms: 1_000, s: 1_000_000 };

export interface AxisTicks {
  /** Tick positions, µs since the run started. */
  ticks: number[];
  /** Distance between ticks, µs. */
  step: number;
  unit: TimeUnit;
  /** Decimals a label needs in that unit to tell neighbouring ticks apart. */
  decimals: number;
}

/** The smallest 1/2/5 × 10^k that is ≥ raw (and ≥ 1 µs: the clock's resolution in the log). */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * power >= raw) return factor * power;
  }
  return 10 * power;
}

/** The unit a step reads best in: 50 µs steps in µs, 200 µs…50 ms in ms, 100 ms and up in s. */
export function unitForStep(step: number): TimeUnit {
  if (step < 100) return 'µs';
  if (step < 100_000) return 'ms';
  return 's';
}

/**
 * Ticks for the window [start, end] drawn across `widthPx`, at least
 * `minSpacingPx` apart so labels never collide.
 */
export function axisTicks(start: number, end: number, widthPx: number, minSpacingPx = 90): AxisTicks {
  const span = Math.max(end - start, 1);
  const step = niceStep((span * minSpacingPx) / Math.max(widthPx, 1));
  const unit = unitForStep(step);
  const inUnit = step / US_PER_UNIT[unit];
  const decimals = Math.max(0, -Math.floor(Math.log10(inUnit) + 1e-9));
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  return { ticks, step, unit, decimals };
}
