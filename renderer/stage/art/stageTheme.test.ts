import { describe, expect, it } from 'vitest';
import { contrast } from '../../timeline/contrast';
import { BOSS_COLOUR, GREY, INK, KIND_COLOUR, OKABE_ITO, SHELL_COLOUR } from './palette';
import { STAGE_PALETTES, type StageTheme } from './stageTheme';

const THEMES: StageTheme[] = ['light', 'dark'];
const hexAlpha = (hex: string, a: number): string => `rgba(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)}, ${a})`;

describe('the stage palettes: text ≥ 7:1 on what it is drawn on, silhouettes ≥ 3:1 on the ground', () => {
  for (const theme of THEMES) {
    const c = STAGE_PALETTES[theme];

    it(`${theme}: labels on the site, the office, the "+N more" tile, a selected cell and their halo`, () => {
      const grounds: Record<string, [string, string]> = {
        site: [c.ground, c.ground],
        office: [c.office, c.office],
        tile: [c.tile, c.tile],
        halo: [c.halo, c.halo],
        'selected boss': [hexAlpha(BOSS_COLOUR, 0.12), c.office],
      };
      for (const [kind, colour] of Object.entries(KIND_COLOUR)) grounds[`selected ${kind}`] = [hexAlpha(colour, 0.16), c.ground];
      const low: string[] = [];
      for (const [name, [bg, under]] of Object.entries(grounds)) {
        for (const [ink, colour] of [['ink', c.ink], ['inkSoft', c.inkSoft]] as const) {
          const ratio = contrast(colour, bg, under);
          if (ratio < 7) low.push(`${ink} on ${name}: ${ratio.toFixed(2)}`);
        }
      }
      expect(low).toEqual([]);
    });

    it(`${theme}: badges, flags and stop signs carry their text at 7:1`, () => {
      for (const kind of [...Object.values(KIND_COLOUR), BOSS_COLOUR, SHELL_COLOUR]) {
        const badge = c.badge(kind);
        expect(contrast(badge.text, badge.fill), `badge of ${kind}`).toBeGreaterThanOrEqual(7);
      }
      expect(contrast(c.okFlag.text, c.okFlag.fill)).toBeGreaterThanOrEqual(7);
      expect(contrast(c.errorSign.text, c.errorSign.fill)).toBeGreaterThanOrEqual(7);
    });

    it(`${theme}: outlines, flags, signs and badges stand out from the ground (≥ 3:1)`, () => {
      for (const ground of [c.ground, c.office]) {
        expect(contrast(c.outline, ground), 'outline').toBeGreaterThanOrEqual(3);
        expect(contrast(c.ink, ground), 'work lines, selection ring').toBeGreaterThanOrEqual(3);
        expect(contrast(c.errorSign.fill, ground), 'stop sign').toBeGreaterThanOrEqual(3);
        expect(contrast(c.okFlag.fill, ground), 'ok flag').toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('keeps the badges in their kind’s hue (deepened or lightened), the same in both themes', () => {
    expect(STAGE_PALETTES.light.badge(OKABE_ITO.orange).fill).toBe(OKABE_ITO.orange);
    expect(STAGE_PALETTES.dark.badge(OKABE_ITO.bluishGreen)).toEqual(STAGE_PALETTES.light.badge(OKABE_ITO.bluishGreen));
    expect(STAGE_PALETTES.light.badge(GREY).fill).not.toBe(GREY);
  });

  it('the light stage is the one the app always drew (the exports and the art files keep it); the dark one is dark', () => {
    expect(STAGE_PALETTES.light).toMatchObject({ ground: '#F6F1E6', office: '#E4EEF5', ink: INK, outline: INK });
    expect(contrast(STAGE_PALETTES.dark.ground, '#000000')).toBeLessThan(1.4);
    expect(contrast(STAGE_PALETTES.dark.office, '#000000')).toBeLessThan(1.5);
  });
});

describe('a finished worker, faded', () => {
  it('keeps its outline ≥ 3:1 on the ground in both themes', async () => {
    const { FINISHED_OPACITY } = await import('../WorkerSlot');
    for (const theme of THEMES) {
      const c = STAGE_PALETTES[theme];
      expect(contrast(hexAlpha(c.outline, FINISHED_OPACITY), c.ground, c.ground), theme).toBeGreaterThanOrEqual(3);
    }
  });
});
