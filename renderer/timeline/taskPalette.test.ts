import { describe, expect, it } from 'vitest';
import { TASK_KINDS } from '../../shared/events';
import { contrast } from './contrast';
import { TIMELINE_PALETTES } from './palette';
import { TASK_LETTER, TASK_OUTLINE } from './taskPalette';

describe('the callback track: every kind stands out, and not by colour alone', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: each kind's outline ≥ 3:1 on the lane's paper; letters on their halo ≥ 7:1`, () => {
      const p = TIMELINE_PALETTES[theme];
      for (const paper of [p.background, p.stripe, p.selectedLane]) {
        const low = TASK_KINDS.filter((k) => contrast(TASK_OUTLINE[theme][k], paper, p.background) < 3);
        expect(low, `outlines under 3:1 on ${paper}`).toEqual([]);
      }
      expect(contrast(p.axisText, p.labelHalo, p.background)).toBeGreaterThanOrEqual(7);
    });
  }

  it('a letter per kind, each its own', () => {
    const letters = TASK_KINDS.map((k) => TASK_LETTER[k]);
    expect(new Set(letters).size).toBe(TASK_KINDS.length);
  });
});
