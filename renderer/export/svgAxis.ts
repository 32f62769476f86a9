/**
 * The time axis of an exported picture: a band on top of the lanes with
 * ticks in automatic units (the timeline's own axisTicks: µs, ms or s), the
 * grid lines under the lanes, and an optional playhead.
 */
import type { Lang } from '../../shared/api';
import { formatTick } from '../i18n/format';
import type { PixelScale } from '../model/levelOfDetail';
import { axisTicks, type AxisTicks } from '../model/timeAxis';
import type { SvgPalette } from './svgTheme';
import { el, n, text, textWidth } from './xml';

export interface AxisFrame {
  scale: PixelScale;
  plotX: number;
  /** Top of the axis band, its height, and the bottom of the lanes under it. */
  top: number;
  height: number;
  bottom: number;
  u: number;
  lang: Lang;
  palette: SvgPalette;
}

export const AXIS_FONT = 15;

export function axisOf(f: AxisFrame): AxisTicks {
  return axisTicks(f.scale.start, f.scale.start + f.scale.width / f.scale.pxPerUs, f.scale.width, 130 * f.u);
}

/** The band with its tick labels, and the grid lines through the lanes. */
export function timeAxis(f: AxisFrame, axis: AxisTicks): string {
  const { scale, plotX, top, height, bottom, u, palette } = f;
  const size = AXIS_FONT * u;
  let grid = '';
  let ticks = '';
  let labels = '';
  for (const t of axis.ticks) {
    const x = plotX + (t - scale.start) * scale.pxPerUs;
    grid += `M${n(x)} ${n(top + height)}V${n(bottom)}`;
    ticks += `M${n(x)} ${n(top + height - 8 * u)}V${n(top + height)}`;
    const label = formatTick(t, axis.unit, axis.decimals, f.lang);
    const w = textWidth(label, size);
    // The last label turns to the tick's left rather than be cut at the edge.
    const left = x + 5 * u + w > plotX + scale.width ? x - 5 * u - w : x + 5 * u;
    labels += text({ x: left, y: top + height - 12 * u, 'font-size': size, fill: palette.ink }, label);
  }
  return (
    el('rect', { x: plotX, y: top, width: scale.width, height, fill: palette.axisBand }) +
    el('path', { d: grid, stroke: palette.grid, 'stroke-width': u }) +
    el('path', { d: `${ticks}M${n(plotX)} ${n(top + height)}H${n(plotX + scale.width)}`, stroke: palette.axisLine, 'stroke-width': 1.2 * u }) +
    labels
  );
}

/** A vertical line at `t` through the axis and the lanes, with a handle on the axis. */
export function playhead(f: AxisFrame, t: number): string {
  const x = f.plotX + (t - f.scale.start) * f.scale.pxPerUs;
  if (x < f.plotX || x > f.plotX + f.scale.width) return '';
  const { u, top, height, bottom, palette } = f;
  return (
    el('path', { d: `M${n(x)} ${n(top + height)}V${n(bottom)}`, stroke: palette.ink, 'stroke-width': 2 * u }) +
    el('path', { d: `M${n(x - 7 * u)} ${n(top + height - 11 * u)}h${n(14 * u)}l${n(-7 * u)} ${n(11 * u)}z`, fill: palette.ink })
  );
}
