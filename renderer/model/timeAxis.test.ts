import { describe, expect, it } from 'vitest';
import { axisTicks, niceStep, unitForStep } from './timeAxis';

describe('time axis', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.3)).toBe(1);
    expect(niceStep(13)).toBe(20);
    expect(niceStep(240)).toBe(500);
    expect(niceStep(700)).toBe(1_000);
    expect(niceStep(1_000)).toBe(1_000);
  });

  it('reads microseconds, milliseconds and seconds by the size of the step', () => {
    expect(unitForStep(20)).toBe('µs');
    expect(unitForStep(500)).toBe('ms');
    expect(unitForStep(50_000)).toBe('ms');
    expect(unitForStep(500_000)).toBe('s');
  });

  it('labels a 200 µs window in microseconds', () => {
    const axis = axisTicks(0, 200, 900, 90);
    expect(axis.unit).toBe('µs');
    expect(axis.step).toBe(20);
    expect(axis.ticks.slice(0, 3)).toEqual([0, 20, 40]);
  });

  it('labels a 3 s window in seconds with one decimal', () => {
    const axis = axisTicks(0, 3_000_000, 1_200, 90);
    expect(axis).toMatchObject({ unit: 's', step: 500_000, decimals: 1 });
    expect(axis.ticks).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000]);
  });

  it('starts at the first tick inside a window that does not start at zero', () => {
    const axis = axisTicks(1_234, 11_234, 1_000, 90);
    expect(axis.unit).toBe('ms');
    expect(axis.decimals).toBe(0);
    expect(axis.ticks[0]).toBe(2_000);
    expect(axis.ticks.every((t) => t >= 1_234 && t <= 11_234)).toBe(true);
  });
});
