import { describe, expect, it } from 'vitest';
import { firstHolding } from './frameLog';

describe('the frame log, asked per log entry', () => {
  // Draws at 10, 20, 30 ms showed logs of 2, 2 and 5 entries.
  const lengths = [2, 2, 5];
  const at = [10, 20, 30];

  it('gives the first draw whose log held the entry', () => {
    expect([0, 1, 2, 4].map((i) => firstHolding(lengths, at, i))).toEqual([10, 10, 30, 30]);
  });

  it('gives NaN for an entry no draw held yet', () => {
    expect(firstHolding(lengths, at, 5)).toBeNaN();
    expect(firstHolding([], [], 0)).toBeNaN();
  });
});
