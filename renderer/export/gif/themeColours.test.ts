import { describe, expect, it } from 'vitest';
import { contrast, luminance, parseColour } from '../../timeline/contrast';
import { KIND_COLOUR } from '../../timeline/palette';
import { STAGE_PALETTES } from '../../stage/art/stageTheme';
import { SVG_PALETTES } from '../svgTheme';
import { GIF_COLOURS, gifPalette, GifWriter, type Rgb } from './gifWriter';
import { mix, textPairs, themeColours } from './themeColours';

const rgbOf = (colour: string): Rgb => parseColour(colour).slice(0, 3) as unknown as Rgb;
const hex = (c: Rgb): string => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** Pixels of many colours the theme does not have (what the art's other colours and blends are like). */
function otherColours(): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(96 * 96 * 4);
  for (let i = 0; i < 96 * 96; i++) pixels.set([(i * 53) & 0xff, (i * 97) & 0xff, (i * 29) & 0xff, 255], i * 4);
  return pixels;
}

describe('the GIF palette of a theme', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: has every text colour and its ground exactly, so each text keeps its contrast`, () => {
      const palette = gifPalette(themeColours(theme), [otherColours()]);
      expect(palette.length).toBe(GIF_COLOURS);
      const writer = new GifWriter(2, 1, palette);
      for (const [text, ground] of textPairs(theme)) {
        const pixels = Uint8ClampedArray.from([...rgbOf(text), 255, ...rgbOf(ground), 255]);
        const [t, g] = writer.indices(pixels);
        expect([hex(palette[t]), hex(palette[g])], `${text} on ${ground}`).toEqual([hex(rgbOf(text)), hex(rgbOf(ground))]);
        expect(contrast(hex(palette[t]), hex(palette[g]))).toBeCloseTo(contrast(text, ground), 6);
      }
    });

    it(`${theme}: keeps every kind's colour, the paper, the stage's ground and the bars as drawn`, () => {
      const colours = themeColours(theme).map(hex);
      const svg = SVG_PALETTES[theme];
      const stage = STAGE_PALETTES[theme];
      for (const c of [...Object.values(KIND_COLOUR), svg.paper, svg.ink, stage.ground, stage.office, stage.outline]) expect(colours).toContain(hex(rgbOf(c)));
      for (const kind of Object.values(KIND_COLOUR)) expect(colours).toContain(hex(mix(rgbOf(svg.paper), rgbOf(kind), svg.barOpacity)));
      // Room is left for the colours of the frames themselves.
      expect(colours.length).toBeLessThan(GIF_COLOURS - 90);
    });

    it(`${theme}: gives a letter's anti-aliased edge a step between the ink and the paper, not either`, () => {
      const svg = SVG_PALETTES[theme];
      const [ink, paper] = [rgbOf(svg.ink), rgbOf(svg.paper)];
      const writer = new GifWriter(1, 1, gifPalette(themeColours(theme), []));
      const edge = mix(paper, ink, 0.45);
      const palette = gifPalette(themeColours(theme), []);
      const shown = palette[writer.indices(Uint8ClampedArray.from([...edge, 255]))[0]];
      const l = (c: Rgb): number => luminance([...c, 1] as [number, number, number, number]);
      expect(l(shown)).toBeGreaterThan(Math.min(l(ink), l(paper)) + 0.05);
      expect(l(shown)).toBeLessThan(Math.max(l(ink), l(paper)) - 0.05);
    });
  }
});
