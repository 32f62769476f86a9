import { describe, expect, it } from 'vitest';
import { stageLayout } from './layout';

describe('stage layout', () => {
  it('gives one worker a full-detail cell next to the boss', () => {
    const l = stageLayout(1000, 420, 1, 1);
    expect(l.detail).toBe('full');
    expect(l.cells).toHaveLength(1);
    expect(l.cells[0].x).toBeGreaterThan(l.boss.w);
    expect(l.overflow).toBe(false);
  });

  it('fits 40 workers on a 1366-wide stage without overflow, every cell inside the stage', () => {
    for (const n of [2, 4, 8, 16, 40]) {
      const l = stageLayout(1366 * 0.66, 480, 1, n);
      expect(l.overflow, `${n} workers`).toBe(false);
      expect(l.cells).toHaveLength(n);
      for (const c of l.cells) {
        expect(c.x + c.w).toBeLessThanOrEqual(l.width + 0.01);
        expect(c.y + c.h).toBeLessThanOrEqual(l.height + 0.01);
        expect(c.figureH).toBeGreaterThan(20);
      }
    }
  });

  it('past what fits, turns the last cell into a "+N more" tile', () => {
    const l = stageLayout(900, 420, 1, 300);
    expect(l.overflow).toBe(true);
    expect(l.capacity).toBe(l.cells.length - 1);
    expect(l.detail).toBe('tiny');
  });

  it('scales every size with the unit (projector mode)', () => {
    const a = stageLayout(1920, 800, 1, 3);
    const b = stageLayout(1920, 800, 1.7, 3);
    expect(b.font.label).toBeCloseTo(a.font.label * 1.7);
    expect(b.boss.figureH).toBeGreaterThan(a.boss.figureH);
  });
});
