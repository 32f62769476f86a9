import type { Lang } from '../../shared/api';
import { formatTick } from '../i18n/format';
import type { PixelScale } from '../model/levelOfDetail';
import { axisTicks, type AxisTicks } from '../model/timeAxis';
import { TIMELINE_PALETTES, type TimelinePalette } from './palette';
import type { FontSizes } from './timelineText';
import type { LaneCanvas } from './laneFrame';

/** Room kept between two tick labels (px). */
const LABEL_GAP = 6;

/**
 * The time axis on top: ticks in automatic units, and the playhead's handle.
 * A label that would overlap the one before it is left out (its tick stays).
 */
export function paintAxis(ctx: CanvasRenderingContext2D, scale: PixelScale, height: number, lang: Lang, cursorX: number | null, fontPx: number, fonts: FontSizes, palette: TimelinePalette = TIMELINE_PALETTES.light): AxisTicks {
  const axis = axisTicks(scale.start, scale.start + scale.width / scale.pxPerUs, scale.width);
  ctx.clearRect(0, 0, scale.width, height);
  ctx.fillStyle = palette.axisBand;
  ctx.fillRect(0, 0, scale.width, height);
  ctx.fillStyle = palette.axisLine;
  ctx.fillRect(0, height - 1, scale.width, 1);
  fonts.use(ctx, fontPx);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = palette.axisText;
  let labelEnd = -Infinity;
  for (const t of axis.ticks) {
    const x = Math.round((t - scale.start) * scale.pxPerUs) + 0.5;
    ctx.fillRect(x - 0.5, height - 7, 1, 6);
    const label = formatTick(t, axis.unit, axis.decimals, lang);
    const w = ctx.measureText(label).width;
    // The last label turns to the tick's left rather than be cut at the edge…
    const left = x + 3 + w > scale.width ? x - 3 - w : x + 3;
    // …unless it would then run into its neighbour: then it is not written.
    if (left < labelEnd + LABEL_GAP) continue;
    ctx.fillText(label, left, height / 2 - 2);
    labelEnd = left + w;
  }
  if (cursorX !== null && cursorX >= -6 && cursorX <= scale.width + 6) {
    ctx.fillStyle = palette.playhead;
    ctx.beginPath();
    ctx.moveTo(cursorX - 6, height - 10);
    ctx.lineTo(cursorX + 6, height - 10);
    ctx.lineTo(cursorX, height);
    ctx.closePath();
    ctx.fill();
  }
  return axis;
}

/** Faint vertical lines under the lanes at the axis's ticks. */
export function paintGrid(ctx: LaneCanvas, scale: PixelScale, axis: AxisTicks, height: number, palette: TimelinePalette): void {
  ctx.fillStyle = palette.grid;
  for (const t of axis.ticks) {
    ctx.fillRect(Math.round((t - scale.start) * scale.pxPerUs), 0, 1, height);
  }
}
