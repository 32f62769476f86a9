/**
 * The marks of one process lane in an exported picture, drawn from the run's
 * index with level of detail: lifetime bar (solid spawn → exit, hatched
 * exit → close), busy shading from samples (one path per load level), output
 * ticks (one path per stream, one tick per column), the exit flag with its
 * code, and stop-sign octagons with the error code or signal.
 */
import type { LabEvent } from '../../shared/events';
import { forEachLoadSpan, forEachTickBucket, type PixelScale } from '../model/levelOfDetail';
import type { ProcessLane } from '../model/processLanes';
import type { TickSeries } from '../model/tickSeries';
import { visualKind, type VisualKind } from '../model/processRecord';
import { tickHeight } from '../timeline/laneLayout';
import { markerLabel } from '../timeline/marks';
import type { SvgPalette } from './svgTheme';
import { el, n, text, textWidth } from './xml';

export interface LaneFrame {
  /** The plot's time scale (x = 0 at the plot's left edge) and where the plot starts. */
  scale: PixelScale;
  plotX: number;
  laneH: number;
  /** Size unit: 1 at 1280 px wide. */
  u: number;
  palette: SvgPalette;
  log: readonly LabEvent[];
  /** Where a process still alive ends: the run's end, or the last event. */
  openEnd: number;
}

/** Busy shading in this many opacity steps: one path each, however many samples. */
const LOAD_LEVELS = 8;

export const hatchId = (kind: VisualKind): string => `obra-tl-hatch-${kind}`;

/** A hatch pattern per kind: the exit → close gap. */
export function hatchPattern(kind: VisualKind, palette: SvgPalette, u: number): string {
  const s = 7 * u;
  return el('pattern', { id: hatchId(kind), patternUnits: 'userSpaceOnUse', width: s, height: s },
    el('rect', { width: s, height: s, fill: palette.kind[kind], 'fill-opacity': 0.18 }) +
    el('path', { d: `M0 ${n(s)}L${n(s)} 0M${n(-s / 2)} ${n(s / 2)}L${n(s / 2)} ${n(-s / 2)}M${n(s / 2)} ${n(s * 1.5)}L${n(s * 1.5)} ${n(s / 2)}`, stroke: palette.outline[kind], 'stroke-width': 1.6 * u }),
  );
}

/** Everything drawn inside one lane's row of the plot. */
export function laneMarks(f: LaneFrame, lane: ProcessLane, y: number): string {
  const record = lane.record;
  const kind = visualKind(record);
  const { scale, plotX, laneH, u, palette } = f;
  const barH = Math.round(laneH * 0.46);
  const barY = y + (laneH - barH) / 2;
  const toX = (t: number): number => plotX + (t - scale.start) * scale.pxPerUs;
  const clamp = (x: number): number => Math.max(plotX - 4 * u, Math.min(plotX + scale.width + 4 * u, x));

  const start = record.spawnT ?? record.firstT;
  const exit = record.exitT ?? record.goneT;
  const x0 = clamp(toX(start));
  const x1 = clamp(Math.max(toX(exit ?? f.openEnd), toX(start) + u));
  let out = '';
  if (x1 > plotX - 4 * u && x0 < plotX + scale.width + 4 * u) {
    out += el('rect', { x: x0, y: barY, width: x1 - x0, height: barH, fill: palette.kind[kind], 'fill-opacity': palette.barOpacity });
    out += busyShading(f, record.eluSamples.length > 0 ? record.eluSamples : record.cpuSamples, kind, x0, x1, barY, barH);
    // An open right end while the process still runs: the bar is not closed.
    const d = `M${n(x1)} ${n(barY)}H${n(x0)}V${n(barY + barH)}H${n(x1)}${exit !== null ? 'Z' : ''}`;
    out += el('path', { d, fill: 'none', stroke: palette.outline[kind], 'stroke-width': 1.4 * u });
  }
  if (exit !== null && record.closeT !== null && record.closeT > exit) {
    const c1 = clamp(toX(record.closeT));
    if (c1 > x1) out += el('rect', { x: x1, y: barY, width: c1 - x1, height: barH, fill: `url(#${hatchId(kind)})`, stroke: palette.outline[kind], 'stroke-width': 1.2 * u });
  }
  out += outputTicks(f, lane, y);
  if (record.exitT !== null && record.signal === null && record.exitCode !== null) {
    const xExit = toX(record.exitT);
    const near = record.markers.lowerBound(record.exitT - 6 / scale.pxPerUs);
    const crowded = near < record.markers.length && record.markers.t[near] <= record.exitT + (50 * u) / scale.pxPerUs;
    if (xExit >= plotX - u && xExit <= plotX + scale.width + u) out += exitFlag(f, xExit, barY, barH, record.exitCode, !crowded);
  }
  return out + markers(f, record.markers, y + laneH / 2);
}

export function busyShading(f: LaneFrame, samples: Parameters<typeof forEachLoadSpan>[0], kind: VisualKind, x0: number, x1: number, barY: number, barH: number): string {
  const paths: string[] = Array.from({ length: LOAD_LEVELS }, () => '');
  let open: { level: number; a: number; b: number } | null = null;
  const flush = (): void => {
    if (open) paths[open.level] += `M${n(open.a)} ${n(barY)}H${n(open.b)}v${n(barH)}H${n(open.a)}Z`;
    open = null;
  };
  forEachLoadSpan(samples, f.scale, (span) => {
    const a = Math.max(x0, f.plotX + span.x0);
    const b = Math.min(x1, f.plotX + span.x1);
    if (b <= a || span.load <= 0.02) return;
    const level = Math.min(LOAD_LEVELS - 1, Math.floor(span.load * LOAD_LEVELS));
    if (open && open.level === level && a - open.b < 0.5) open.b = b;
    else {
      flush();
      open = { level, a, b };
    }
  });
  flush();
  return paths
    .map((d, level) => (d ? el('path', { d, fill: f.palette.kind[kind], 'fill-opacity': Math.round((0.15 + (0.85 * (level + 0.5)) / LOAD_LEVELS) * 100) / 100 }) : ''))
    .join('');
}

/** stdout rises from the lane's floor, stderr hangs from its ceiling: position and colour both tell them apart. */
function outputTicks(f: LaneFrame, lane: ProcessLane, y: number): string {
  const { u, laneH, palette } = f;
  const w = 2.5 * u;
  const coarse: PixelScale = { start: f.scale.start, pxPerUs: f.scale.pxPerUs / w, width: Math.ceil(f.scale.width / w) };
  const room = laneH - 6 * u;
  const floor = y + laneH - 3 * u;
  let stdout = '';
  forEachTickBucket(lane.record.stdout, coarse, (b) => {
    const h = tickHeight(b.value, room);
    stdout += `M${n(f.plotX + b.x * w)} ${n(floor)}v${n(-h)}h${n(w * 0.8)}v${n(h)}z`;
  });
  let stderr = '';
  forEachTickBucket(lane.record.stderr, coarse, (b) => {
    const h = tickHeight(b.value, room);
    stderr += `M${n(f.plotX + b.x * w)} ${n(y + 3 * u)}v${n(h)}h${n(w)}v${n(-h)}z`;
  });
  return (stdout ? el('path', { d: stdout, fill: palette.stdout }) : '') + (stderr ? el('path', { d: stderr, fill: palette.stderr }) : '');
}

export function exitFlag(f: LaneFrame, x: number, barY: number, barH: number, code: number, withNumber: boolean): string {
  const { u, palette } = f;
  const colour = code === 0 ? palette.exitOk : palette.error;
  let out = el('path', { d: `M${n(x)} ${n(barY - 6 * u)}V${n(barY + barH + 3 * u)}`, stroke: palette.ink, 'stroke-width': 1.4 * u });
  out += el('path', { d: `M${n(x + u)} ${n(barY - 6 * u)}l${n(11 * u)} ${n(5 * u)}l${n(-11 * u)} ${n(5 * u)}z`, fill: colour, stroke: palette.ink, 'stroke-width': 0.8 * u });
  if (withNumber) out += text({ x: x + 14 * u, y: barY + 3 * u, 'font-size': 14 * u, 'font-weight': 700, fill: palette.ink }, String(code));
  return out;
}

/** A stop-sign octagon centred on (x, y). */
export function octagon(x: number, y: number, r: number, palette: SvgPalette, u: number): string {
  const points: string[] = [];
  for (let k = 0; k < 8; k++) {
    const angle = Math.PI / 8 + (k * Math.PI) / 4;
    points.push(`${n(x + r * Math.cos(angle))},${n(y + r * Math.sin(angle))}`);
  }
  return el('polygon', { points: points.join(' '), fill: palette.error, stroke: palette.halo, 'stroke-width': 1.5 * u });
}

/** A lane's error and signal octagons, each with its code. */
export function markers(f: LaneFrame, series: TickSeries, midY: number): string {
  const { u, palette, scale, plotX } = f;
  const size = 14 * u;
  let out = '';
  let labelEnd = -Infinity;
  forEachTickBucket(series, scale, (b) => {
    const x = plotX + b.x + 0.5;
    out += octagon(x, midY, 9 * u, palette, u);
    if (x - 10 * u < labelEnd) return;
    const label = b.count > 1 ? `×${b.count}` : markerLabel(f.log[series.idx[b.from]]);
    if (!label) return;
    const w = textWidth(label, size, true);
    // Near the right edge the label goes on the octagon's left, so it is never cut.
    const left = x + 12 * u + w > plotX + scale.width ? x - 12 * u - w : x + 11 * u;
    out += el('rect', { x: left - 2 * u, y: midY - 9 * u, width: w + 4 * u, height: 18 * u, rx: 3 * u, fill: palette.halo, 'fill-opacity': 0.85 });
    out += text({ x: left, y: midY + 5 * u, 'font-size': size, 'font-weight': 700, fill: palette.errorText }, label);
    labelEnd = Math.max(x + 10 * u, left + w + 4 * u);
  });
  return out;
}
