import { describe, expect, it } from 'vitest';
import { contrast } from './contrast';
import { TIMELINE_PALETTES, type TimelineTheme } from './palette';

const THEMES: TimelineTheme[] = ['light', 'dark'];

describe('the timeline palettes: text ≥ 7:1 and marks ≥ 3:1 on their own paper', () => {
  for (const theme of THEMES) {
    const p = TIMELINE_PALETTES[theme];
    // A lane's paper: the background, a stripe or the selected lane's tint over it.
    const papers = [p.background, p.stripe, p.selectedLane];

    it(`${theme}: axis labels on the axis band, exit codes and error codes on the lanes`, () => {
      expect(contrast(p.axisText, p.axisBand)).toBeGreaterThanOrEqual(7);
      for (const paper of papers) {
        expect(contrast(p.exitCodeText, paper, p.background), `exit code on ${paper}`).toBeGreaterThanOrEqual(7);
      }
      // An error code sits on its halo (85 % opaque over the lane).
      expect(contrast(p.errorText, p.labelHalo, p.background), 'error code on its halo').toBeGreaterThanOrEqual(7);
    });

    it(`${theme}: every kind's outline and arrow, output ticks, flags, octagons and the playhead ≥ 3:1`, () => {
      const marks: Record<string, string> = {
        stdout: p.stdout, stderr: p.stderr, error: p.error, exitOk: p.exitOk, exitPole: p.exitPole, playhead: p.playhead,
        selectRing: p.selectRing, hoverRing: p.hoverRing, arrowFallback: p.arrowFallback,
      };
      for (const [kind, colour] of Object.entries(p.outline)) marks[`outline.${kind}`] = colour;
      for (const paper of papers) {
        const low = Object.entries(marks).filter(([, c]) => contrast(c, paper, p.background) < 3).map(([n, c]) => `${n} ${contrast(c, paper, p.background).toFixed(2)}`);
        expect(low, `marks under 3:1 on ${paper}`).toEqual([]);
      }
    });
  }

  it('dark: busy shading at full load stands ≥ 3:1 on an idle bar of the same kind', () => {
    const p = TIMELINE_PALETTES.dark;
    for (const [kind, colour] of Object.entries(p.kind)) {
      const idle = mix(colour, p.background, p.barOpacity);
      expect(contrast(colour, idle), kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('the dark paper is dark and the light one light; the kinds keep their Okabe–Ito hues in both', () => {
    expect(contrast(TIMELINE_PALETTES.dark.background, '#000000')).toBeLessThan(1.3);
    expect(contrast(TIMELINE_PALETTES.light.background, '#ffffff')).toBeLessThan(1.1);
    expect(TIMELINE_PALETTES.dark.kind).toEqual(TIMELINE_PALETTES.light.kind);
  });

  it('computes contrast as WCAG does (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#D55E00', '#D55E00')).toBe(1);
    expect(contrast('rgba(0, 0, 0, 0)', '#ffffff')).toBe(1);
  });
});

/** `top` at `alpha` over the opaque `under`, as #rrggbb. */
function mix(top: string, under: string, alpha: number): string {
  const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [rgb(top), rgb(under)];
  return `#${a.map((v, i) => Math.round(v * alpha + b[i] * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
}
