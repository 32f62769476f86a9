import { describe, expect, it } from 'vitest';
import { TeachingClock, dwellMs, MIN_DWELL_MS, nextTime, previousTime, stepSpeed } from './teachingTime';

describe('teaching speed', () => {
  it('gives a 3 µs gap at least the minimum dwell, and a 3 s gap longer but not a thousand times longer', () => {
    expect(dwellMs(3)).toBeGreaterThanOrEqual(MIN_DWELL_MS);
    expect(dwellMs(3_000_000)).toBeGreaterThan(dwellMs(3));
    expect(dwellMs(3_000_000)).toBeLessThan(dwellMs(3) * 4);
    expect(dwellMs(0)).toBe(0);
  });

  it('maps run time to teaching time and back, monotonically, through every event', () => {
    const clock = new TeachingClock([0, 5, 5, 8, 2_000_000, 2_000_004]);
    expect(clock.times).toEqual([0, 5, 8, 2_000_000, 2_000_004]);
    let previous = -1;
    for (const t of clock.times) {
      const ms = clock.toTeaching(t);
      expect(ms).toBeGreaterThan(previous);
      previous = ms;
      expect(clock.toRun(ms)).toBeCloseTo(t, 6);
    }
    // The two events 4 µs apart at the end are as far apart on screen as a minimum dwell at least.
    expect(clock.toTeaching(2_000_004) - clock.toTeaching(2_000_000)).toBeGreaterThanOrEqual(MIN_DWELL_MS);
    expect(clock.toRun(clock.totalMs + 1_000)).toBe(2_000_004);
    expect(clock.toTeaching(6.5)).toBeGreaterThan(clock.toTeaching(5));
  });

  it('steps to the next and the previous distinct event time', () => {
    const times = [0, 5, 8, 20];
    expect(nextTime(times, 5)).toBe(8);
    expect(nextTime(times, 6)).toBe(8);
    expect(nextTime(times, 20)).toBeNull();
    expect(previousTime(times, 8)).toBe(5);
    expect(previousTime(times, 7)).toBe(5);
    expect(previousTime(times, 0)).toBeNull();
  });

  it('speeds go from 0.05× to 2× and stop at both ends', () => {
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(2, 1)).toBe(2);
    expect(stepSpeed(0.05, -1)).toBe(0.05);
    expect(stepSpeed(0.1, -1)).toBe(0.05);
  });
});

describe('TeachingClock.extend', () => {
  it('takes later times as if built with them, and refuses an earlier one without changing', () => {
    const grown = new TeachingClock([0, 10, 1_000]);
    expect(grown.extend([5_000, 1_000, 2_000_000, 5_000])).toBe(true);
    const built = new TeachingClock([0, 10, 1_000, 5_000, 2_000_000]);
    expect(grown.times).toEqual(built.times);
    expect([10, 3_000, 1_500_000].map((t) => grown.toTeaching(t))).toEqual([10, 3_000, 1_500_000].map((t) => built.toTeaching(t)));
    expect(grown.extend([4_000])).toBe(false);
    expect(grown.times).toEqual(built.times);
  });
});
