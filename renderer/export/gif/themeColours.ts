/**
 * The colours a clip's picture is drawn with, in its theme, for the GIF's
 * palette: every colour of the exported timeline (svgTheme, from the
 * timeline's Okabe–Ito kinds) and of the stage (stageTheme, the art's
 * palette), the lifetime bars as they are drawn (a kind's colour faded into
 * the paper), the veiled future, and the steps between each text colour and
 * what it is written on, so that anti-aliased letters keep their shape. All
 * of them go into the palette exactly: a text and its ground keep the
 * contrast their themes were chosen for (≥ 7:1).
 */
import { GREY, INK, INK_SOFT, KIND_COLOUR as ART_KIND_COLOUR, OKABE_ITO, PAPER, skinFor, STDOUT_COLOUR as ART_STDOUT } from '../../stage/art/palette';
import { STAGE_PALETTES } from '../../stage/art/stageTheme';
import { SVG_PALETTES, type ExportTheme } from '../svgTheme';
import { VEIL_OPACITY } from '../video/videoFrames';
import { over, parseColour, type Rgba } from '../../timeline/contrast';
import type { Rgb } from './gifWriter';
/** Steps between a text's colour and its ground, besides the two. */
const EDGE_STEPS = [0.25, 0.5, 0.75];

/** `colour` ('#rgb', '#rrggbb', 'rgba(…)') laid over the opaque `ground`, or null when it is not a colour. */
function solid(colour: string, ground: Rgb): Rgb | null {
  try {
    return rgb(over(parseColour(colour), [...ground, 1]));
  } catch {
    return null;
  }
}

/** `top` at opacity `t` over `ground`. */
export function mix(ground: Rgb, top: Rgb, t: number): Rgb {
  return rgb(over([...top, t], [...ground, 1]));
}

const rgb = (c: Rgba): Rgb => [Math.round(c[0]), Math.round(c[1]), Math.round(c[2])];

/** Every colour string inside a palette object (nested records included; functions and numbers are not colours). */
function coloursIn(value: unknown, ground: Rgb, out: Rgb[]): void {
  if (typeof value === 'string') {
    const c = solid(value, ground);
    if (c) out.push(c);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) coloursIn(v, ground, out);
  }
}

/** The text colours and the grounds they are written on, in the theme: the pairs whose edges need their steps. */
export function textPairs(theme: ExportTheme): Array<[string, string]> {
  const svg = SVG_PALETTES[theme];
  const stage = STAGE_PALETTES[theme];
  const kindBadges = Object.values(ART_KIND_COLOUR).map((c) => stage.badge(c));
  return [
    [svg.ink, svg.paper],
    [svg.inkSoft, svg.paper],
    [svg.ink, svg.axisBand],
    [svg.ink, svg.stripe],
    [svg.errorText, svg.paper],
    ...Object.entries(svg.badgeInk).map(([kind, ink]): [string, string] => [ink, svg.kind[kind as keyof typeof svg.kind]]),
    [stage.ink, stage.ground],
    [stage.inkSoft, stage.ground],
    [stage.ink, stage.office],
    [stage.ink, stage.halo],
    [stage.okFlag.text, stage.okFlag.fill],
    [stage.errorSign.text, stage.errorSign.fill],
    ...[stage.badge(OKABE_ITO.blue), stage.badge(OKABE_ITO.skyBlue), ...kindBadges].map((b): [string, string] => [b.text, b.fill]),
  ];
}

/** The palette's fixed part for a clip in `theme`: each colour once, the texts and their grounds first. */
export function themeColours(theme: ExportTheme): Rgb[] {
  const svg = SVG_PALETTES[theme];
  const stage = STAGE_PALETTES[theme];
  const paper = solid(svg.paper, [255, 255, 255]) as Rgb;
  const out: Rgb[] = [];
  const pairs = textPairs(theme).map(([text, ground]) => [solid(text, paper), solid(ground, paper)] as const);
  for (const [text, ground] of pairs) if (text && ground) out.push(text, ground);
  coloursIn(svg, paper, out);
  coloursIn(stage, solid(stage.ground, paper) as Rgb, out);
  const artColours = [...Object.values(OKABE_ITO), ...Object.values(ART_KIND_COLOUR), INK, INK_SOFT, GREY, PAPER, ART_STDOUT, ...[0, 1, 2, 3].map(skinFor)];
  coloursIn(artColours, paper, out);
  // Lifetime bars: a kind's colour at the bar's opacity, over the paper and over a lane's stripe.
  const stripe = solid(svg.stripe, paper) as Rgb;
  for (const kind of Object.values(svg.kind)) {
    const c = solid(kind, paper) as Rgb;
    out.push(mix(paper, c, svg.barOpacity), mix(stripe, c, svg.barOpacity));
  }
  // The future, veiled: the timeline's colours seen through the paper.
  const timeline = [...Object.values(svg.kind), ...Object.values(svg.outline), svg.ink, svg.inkSoft, svg.stdout, svg.stderr, svg.exitOk, svg.stripe, svg.axisLine];
  for (const text of timeline) out.push(mix(solid(text, paper) as Rgb, paper, VEIL_OPACITY));
  // Anti-aliased edges of each text on its ground.
  for (const [text, ground] of pairs) if (text && ground) for (const t of EDGE_STEPS) out.push(mix(ground, text, t));
  const seen = new Set<string>();
  return out.filter((c) => {
    const k = c.join(',');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
