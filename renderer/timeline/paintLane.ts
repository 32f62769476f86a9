import type { LabEvent } from '../../shared/events';
import { forEachLoadSpan, forEachTickBucket, type PixelScale } from '../model/levelOfDetail';
import type { ProcessLane } from '../model/processLanes';
import type { TickSeries } from '../model/tickSeries';
import type { SampleSeries } from '../model/sampleSeries';
import { visualKind } from '../model/processRecord';
import { tickHeight, type LaneGeometry } from './laneLayout';
import type { TimelinePalette } from './palette';
import { hatchPattern, markerLabel, paintOctagon } from './marks';
import type { FontSizes, TimelineText } from './timelineText';
import type { LaneCanvas } from './laneFrame';

export interface LanePaint {
  ctx: LaneCanvas;
  scale: PixelScale;
  geometry: LaneGeometry;
  log: readonly LabEvent[];
  /** Where a process still alive ends on screen: the run's end, or now. */
  openEnd: number;
  /** Text sizes (projector mode raises them), and the sizes used. */
  text: TimelineText;
  fonts: FontSizes;
  /** The theme's colours. */
  palette: TimelinePalette;
}

/** A time's x on the lanes' canvas; an x held to 4 px past either edge (a bar running off screen shows no end there). */
export const toX = (scale: PixelScale, t: number): number => (t - scale.start) * scale.pxPerUs;
export const clampX = (scale: PixelScale, x: number): number => Math.max(-4, Math.min(scale.width + 4, x));

/** One process lane: lifetime bar, busy shading, output ticks, exit flag, error and signal octagons. */
export function paintLane(paint: LanePaint, lane: ProcessLane, y: number): void {
  const { ctx, scale, geometry, palette } = paint;
  const record = lane.record;
  const kind = visualKind(record);
  const colour = palette.kind[kind];
  const barY = y + geometry.barTop;
  const barH = geometry.barHeight;

  const start = record.spawnT ?? record.firstT;
  const exit = record.exitT ?? record.goneT;
  const end = exit ?? paint.openEnd;
  const x0 = clampX(scale, toX(scale, start));
  const x1 = clampX(scale, Math.max(toX(scale, end), toX(scale, start) + 1));

  // Lifetime: solid from spawn to exit…
  ctx.globalAlpha = palette.barOpacity;
  ctx.fillStyle = colour;
  ctx.fillRect(x0, barY, x1 - x0, barH);
  ctx.globalAlpha = 1;

  // …busy shading inside it, opacity ∝ load (ELU from the probe, else sampled CPU)…
  paintBusy(ctx, scale, record.eluSamples.length > 0 ? record.eluSamples : record.cpuSamples, colour, x0, x1, barY, barH);

  ctx.strokeStyle = palette.outline[kind];
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x1, barY + 0.5);
  ctx.lineTo(x0 + 0.5, barY + 0.5);
  ctx.lineTo(x0 + 0.5, barY + barH - 0.5);
  ctx.lineTo(x1, barY + barH - 0.5);
  if (exit !== null) ctx.lineTo(x1, barY + 0.5);
  ctx.stroke();

  // …hatched from exit to close: the streams were still open.
  if (exit !== null && record.closeT !== null && record.closeT > exit) {
    const c1 = clampX(scale, toX(scale, record.closeT));
    ctx.fillStyle = hatchPattern(ctx, colour);
    ctx.fillRect(x1, barY, Math.max(1, c1 - x1), barH);
    ctx.strokeStyle = palette.outline[kind];
    ctx.strokeRect(x1 + 0.5, barY + 0.5, Math.max(1, c1 - x1) - 1, barH - 1);
  }

  paintOutput(paint, lane, y);
  if (record.exitT !== null && record.signal === null && record.exitCode !== null) {
    // An octagon right by the exit already says the code (a failed callback): the flag then carries no number.
    const xExit = toX(scale, record.exitT);
    const near = record.markers.lowerBound(record.exitT - 4 / scale.pxPerUs);
    const crowded = near < record.markers.length && record.markers.t[near] <= record.exitT + 40 / scale.pxPerUs;
    paintExitFlag(paint, xExit, barY, barH, record.exitCode, !crowded);
  }
  paintMarkers(paint, lane.record.markers, y + geometry.height / 2);
}

/** Busy shading inside a bar [x0, x1): opacity ∝ load. */
export function paintBusy(ctx: LaneCanvas, scale: PixelScale, samples: SampleSeries, colour: string, x0: number, x1: number, barY: number, barH: number): void {
  ctx.fillStyle = colour;
  forEachLoadSpan(samples, scale, (span) => {
    const a = Math.max(x0, span.x0);
    const b = Math.min(x1, span.x1);
    if (b <= a || span.load <= 0.02) return;
    ctx.globalAlpha = 0.15 + 0.85 * span.load;
    ctx.fillRect(a, barY, b - a, barH);
  });
  ctx.globalAlpha = 1;
}

/** stdout rises from the lane's floor (the ink's colour), stderr hangs from its ceiling (vermillion): position and colour. */
function paintOutput(paint: LanePaint, lane: ProcessLane, y: number): void {
  const { ctx, scale, geometry } = paint;
  const room = geometry.height - 4;
  const floor = y + geometry.height - 2;
  ctx.fillStyle = paint.palette.stdout;
  forEachTickBucket(lane.record.stdout, scale, (b) => {
    const h = tickHeight(b.value, room);
    ctx.fillRect(b.x, floor - h, 2, h);
  });
  ctx.fillStyle = paint.palette.stderr;
  forEachTickBucket(lane.record.stderr, scale, (b) => {
    const h = tickHeight(b.value, room);
    ctx.fillRect(b.x, y + 2, 3, h);
  });
}

export function paintExitFlag(paint: LanePaint, x: number, barY: number, barH: number, code: number, withNumber: boolean): void {
  const { ctx, scale, palette } = paint;
  if (x < -20 || x > scale.width + 20) return;
  const colour = code === 0 ? palette.exitOk : palette.error;
  ctx.strokeStyle = palette.exitPole;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(Math.round(x) + 0.5, barY - 4);
  ctx.lineTo(Math.round(x) + 0.5, barY + barH + 2);
  ctx.stroke();
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(x + 1, barY - 4);
  ctx.lineTo(x + 9, barY);
  ctx.lineTo(x + 1, barY + 4);
  ctx.closePath();
  ctx.fill();
  if (!withNumber) return;
  paint.fonts.use(ctx, paint.text.exitCodePx, 'bold');
  ctx.textBaseline = 'middle';
  ctx.fillStyle = palette.exitCodeText;
  const text = String(code);
  const w = ctx.measureText(text).width;
  // Near the right edge the number goes on the flag's left, so it is never cut.
  ctx.fillText(text, x + 11 + w > scale.width ? x - 3 - w : x + 11, barY + 1);
}

/** Error and signal octagons of a lane, each said once by its code beside it. */
export function paintMarkers(paint: LanePaint, markers: TickSeries, midY: number): void {
  const { ctx, scale, log, palette } = paint;
  const fontPx = paint.text.markerPx;
  const boxH = Math.round(fontPx * 1.3);
  let labelEnd = -Infinity;
  // One word per lane: the exit's SIGTERM and the callback's SIGTERM are one story, told once.
  const said = new Set<string>();
  forEachTickBucket(markers, scale, (b) => {
    const x = b.x + 0.5;
    paintOctagon(ctx, x, midY, 6, palette.error, palette.errorRim);
    if (x - 8 < labelEnd) return;
    const text = b.count > 1 ? `×${b.count}` : markerLabel(log[markers.idx[b.from]]);
    if (!text || said.has(text)) return;
    said.add(text);
    paint.fonts.use(ctx, fontPx, 'bold');
    ctx.textBaseline = 'middle';
    const w = ctx.measureText(text).width;
    // Near the right edge the label goes on the octagon's left, so it is never cut.
    const left = x + 12 + w > scale.width ? x - 12 - w : x + 8;
    ctx.fillStyle = palette.labelHalo;
    ctx.fillRect(left, midY - boxH / 2, w + 4, boxH);
    ctx.fillStyle = palette.errorText;
    ctx.fillText(text, left + 2, midY);
    labelEnd = Math.max(x + 8, left + w + 4);
  });
}
