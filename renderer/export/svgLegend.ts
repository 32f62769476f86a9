/**
 * The legend under an exported timeline: the kinds of process in the run
 * (their colour and their name) and what each mark means — shape and colour
 * together, never colour alone. Items flow left to right and wrap.
 */
import type { Lang } from '../../shared/api';
import { MESSAGES } from '../i18n';
import type { VisualKind } from '../model/processRecord';
import { EXPORT_TEXT } from '../i18n/exportText';
import { hatchId, octagon } from './svgLaneMarks';
import { head } from './svgArrows';
import type { SvgPalette } from './svgTheme';
import { el, n, text, textWidth } from './xml';

export interface LegendFrame {
  x: number;
  top: number;
  width: number;
  u: number;
  lang: Lang;
  palette: SvgPalette;
  kinds: readonly VisualKind[];
}

export const LEGEND_FONT = 15;
export const LEGEND_ROW = 30;

type Swatch = (x: number, midY: number) => string;

interface Item {
  swatch: Swatch;
  swatchW: number;
  label: string;
}

/** The legend's markup and the height it takes. */
export function legend(f: LegendFrame): { svg: string; height: number } {
  const { u, palette } = f;
  const m = MESSAGES[f.lang];
  const words = EXPORT_TEXT[f.lang];
  const box = (fill: string, opacity: number, stroke: string): Swatch => (x, y) =>
    el('rect', { x, y: y - 7 * u, width: 26 * u, height: 14 * u, fill, 'fill-opacity': opacity, stroke, 'stroke-width': 1.2 * u });
  const kindItems: Item[] = f.kinds.map((kind) => ({ swatch: box(palette.kind[kind], kind === 'boss' ? 0.85 : 0.75, palette.outline[kind]), swatchW: 26 * u, label: m.kind[kind] }));
  const busy: Swatch = (x, y) =>
    [0.2, 0.5, 0.9].map((o, i) => el('rect', { x: x + i * 9 * u, y: y - 7 * u, width: 9 * u, height: 14 * u, fill: palette.kind.boss, 'fill-opacity': o })).join('');
  const markItems: Item[] = [
    { swatch: box(palette.kind.spawn, 0.28, palette.outline.spawn), swatchW: 26 * u, label: words.lifetime },
    { swatch: busy, swatchW: 27 * u, label: m.timeline.legend.busy },
    { swatch: (x, y) => el('rect', { x, y: y - 7 * u, width: 26 * u, height: 14 * u, fill: `url(#${hatchId('spawn')})`, stroke: palette.outline.spawn, 'stroke-width': 1.2 * u }), swatchW: 26 * u, label: m.timeline.legend.exitClose },
    { swatch: (x, y) => el('path', { d: `M${n(x)} ${n(y + 8 * u)}v${n(-14 * u)}h${n(3 * u)}v${n(14 * u)}zM${n(x + 6 * u)} ${n(y + 8 * u)}v${n(-8 * u)}h${n(3 * u)}v${n(8 * u)}z`, fill: palette.stdout }), swatchW: 10 * u, label: m.timeline.legend.stdout },
    { swatch: (x, y) => el('path', { d: `M${n(x)} ${n(y - 8 * u)}v${n(14 * u)}h${n(3 * u)}v${n(-14 * u)}zM${n(x + 6 * u)} ${n(y - 8 * u)}v${n(8 * u)}h${n(3 * u)}v${n(-8 * u)}z`, fill: palette.stderr }), swatchW: 10 * u, label: m.timeline.legend.stderr },
    {
      swatch: (x, y) => el('path', { d: `M${n(x)} ${n(y - 6 * u)}L${n(x + 26 * u)} ${n(y + 6 * u)}`, stroke: palette.outline.fork, 'stroke-width': 1.6 * u }) + el('path', { d: head(x, y - 6 * u, x + 26 * u, y + 6 * u, 8 * u), fill: palette.outline.fork }),
      swatchW: 26 * u,
      label: m.timeline.legend.message,
    },
    { swatch: (x, y) => octagon(x + 8 * u, y, 8 * u, palette, u), swatchW: 16 * u, label: m.timeline.legend.error },
    {
      swatch: (x, y) =>
        el('path', { d: `M${n(x + u)} ${n(y - 9 * u)}V${n(y + 9 * u)}`, stroke: palette.ink, 'stroke-width': 1.4 * u }) +
        el('path', { d: `M${n(x + 2 * u)} ${n(y - 9 * u)}l${n(11 * u)} ${n(5 * u)}l${n(-11 * u)} ${n(5 * u)}z`, fill: palette.exitOk, stroke: palette.ink, 'stroke-width': 0.8 * u }),
      swatchW: 14 * u,
      label: words.exitCode,
    },
  ];

  const size = LEGEND_FONT * u;
  const rowH = LEGEND_ROW * u;
  let x = f.x;
  let row = 0;
  let svg = '';
  const place = (item: Item): void => {
    const w = item.swatchW + 7 * u + textWidth(item.label, size);
    if (x > f.x && x + w > f.x + f.width) {
      row++;
      x = f.x;
    }
    const midY = f.top + row * rowH + rowH / 2;
    svg += item.swatch(x, midY) + text({ x: x + item.swatchW + 7 * u, y: midY + 5 * u, 'font-size': size, fill: palette.ink }, item.label);
    x += w + 22 * u;
  };
  kindItems.forEach(place);
  // Marks start on a row of their own when the kinds took one.
  if (kindItems.length > 0) {
    row++;
    x = f.x;
  }
  markItems.forEach(place);
  return { svg, height: (row + 1) * rowH };
}
