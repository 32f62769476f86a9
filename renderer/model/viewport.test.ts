import { describe, expect, it } from 'vitest';
import { clampWindow, fitWindow, MIN_SPAN_US, panBy, zoomAround } from './viewport';

describe('timeline viewport', () => {
  it('fits a whole run with a little air on the right', () => {
    const window = fitWindow(2_000_000);
    expect(window.start).toBe(0);
    expect(window.end).toBeGreaterThan(2_000_000);
    expect(window.end).toBeLessThan(2_200_000);
  });

  it('zooms around the time under the pointer', () => {
    const zoomed = zoomAround({ start: 0, end: 1_000 }, 0.5, 250, 1_000);
    expect(zoomed.end - zoomed.start).toBe(500);
    // 250 µs stays a quarter of the way across.
    expect((250 - zoomed.start) / (zoomed.end - zoomed.start)).toBeCloseTo(0.25);
  });

  it('never zooms closer than a few microseconds', () => {
    const zoomed = zoomAround({ start: 100, end: 110 }, 0.01, 105, 1_000);
    expect(zoomed.end - zoomed.start).toBe(MIN_SPAN_US);
  });

  it('pans but stays inside the run', () => {
    expect(panBy({ start: 0, end: 100 }, -50, 1_000)).toEqual({ start: 0, end: 100 });
    const late = panBy({ start: 900, end: 1_000 }, 10_000, 1_000);
    expect(late.end).toBeCloseTo(fitWindow(1_000).end);
    expect(clampWindow({ start: 10, end: 60 }, 1_000)).toEqual({ start: 10, end: 60 });
  });
});
