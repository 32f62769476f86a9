import { describe, expect, it } from 'vitest';
import { markerPlan, type MarkerInput } from './markerPlan';

// A cell as the stage lays it out: feet at 42 % of its width.
const cell = (w: number, figureH: number) => ({ x: 0, w, feet: { x: w * 0.42, y: 100 }, figureH });
const input = (over: Partial<MarkerInput>): MarkerInput => ({
  cell: cell(236, 130), os: false, viaShell: false, bin: false, flag: null, sign: null, font: 14, unit: 1, ...over,
});

describe('where a flag and a stop sign stand', () => {
  it('in a roomy cell: the sign with its plate right of the figure, the figure where the cell puts it', () => {
    const plan = markerPlan(input({ cell: cell(300, 130), sign: 'ENOENT' }));
    expect(plan.feetX).toBeCloseTo(300 * 0.42);
    expect(plan.sign).toMatchObject({ plate: true });
    expect(plan.sign!.x - plan.sign!.r).toBeGreaterThan(plan.feetX + 0.43 * 130);
    expect(plan.displaced).toEqual([]);
  });

  it('the figure steps left to make room before anything is given up', () => {
    const plan = markerPlan(input({ cell: cell(180, 100), sign: 'SIGTERM' }));
    expect(plan.feetX).toBeLessThan(180 * 0.42);
    expect(plan.sign?.plate).toBe(true);
  });

  it('past the shell helper, and in a narrow cell the plate gives way: its code goes to the label line', () => {
    const plan = markerPlan(input({ cell: cell(141, 71), viaShell: true, bin: true, sign: 'SIGTERM' }));
    expect(plan.sign).toMatchObject({ plate: false });
    expect(plan.sign!.x - plan.sign!.r).toBeGreaterThanOrEqual(plan.feetX + 0.6 * 71);
    expect(plan.sign!.x + plan.sign!.r).toBeLessThanOrEqual(141);
    expect(plan.displaced).toEqual(['SIGTERM']);
  });

  it('a flag whose words do not fit keeps its ✕ and says SIGTERM on the label line; words said twice are said once', () => {
    const plan = markerPlan(input({ cell: cell(141, 71), flag: { ok: false, text: 'SIGTERM' }, sign: 'SIGTERM' }));
    expect(plan.flag?.text).toBe('');
    expect(plan.displaced).toEqual(['SIGTERM']);
  });

  it('under the cloth when the figure is tall enough, past the pole and inside the cell', () => {
    const plan = markerPlan(input({ flag: { ok: false, text: 'SIGTERM' }, sign: 'ENOENT' }));
    expect(plan.flag).toMatchObject({ text: 'SIGTERM' });
    expect(plan.sign!.x - plan.sign!.r).toBeGreaterThan(plan.flag!.pole);
    expect(plan.sign!.x + plan.sign!.r).toBeLessThanOrEqual(236);
  });
});
