/**
 * The timeline as a standalone SVG document, drawn from the run's log (not
 * grabbed from the screen) for a time window: the demo's title and the run's
 * totals, a time axis in automatic units, a lane per process nested under
 * its parent (pid, kind, short command), lifetime bars, busy shading, output
 * ticks, IPC arrows, exit flags, error and signal octagons, and a legend.
 * Sizes are set for a 1280 px slide (text ≥ 14 px there) and scale with
 * `width`. Pure: no DOM. Cost and size follow the picture's columns, not the
 * log's length (level of detail), so a million-event run stays small.
 */
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import type { PixelScale } from '../model/levelOfDetail';
import type { RunIndex } from '../model/runIndex';
import type { TimeWindow } from '../model/viewport';
import { visualKind, type VisualKind } from '../model/processRecord';
import { ipcArrows } from './svgArrows';
import { threadLaneMarks } from './svgThreadLane';
import { taskLaneMarks, taskLegend } from './svgTaskLane';
import { laneRows } from '../timeline/laneRows';
import { axisOf, playhead, timeAxis, type AxisFrame } from './svgAxis';
import { laneLabel, LABEL_COLUMN } from './svgLaneLabel';
import { pictureHeader, runSubtitle } from './svgHeader';
import { hatchPattern, laneMarks } from './svgLaneMarks';
import { legend } from './svgLegend';
import { SVG_PALETTES, type ExportTheme } from './svgTheme';
import { el, escapeXml, n } from './xml';

/** What the picture is drawn from: a RunLog has both. */
export interface TimelineSource {
  events: readonly LabEvent[];
  index: RunIndex;
}

export interface TimelineSvgOptions {
  lang: Lang;
  /** The demo's title, or the script's name. */
  title: string;
  /** CSS px; 1280 by default (a slide). */
  width?: number;
  theme?: ExportTheme;
  /** Draw the playhead at this time (µs), if inside the window. */
  cursor?: number | null;
  /** Title and totals on top (default); false when the picture is part of a larger one that has them. */
  header?: boolean;
}

/** Where things landed: the video draws its moving playhead with these. */
export interface TimelinePicture {
  svg: string;
  width: number;
  height: number;
  axis: AxisFrame;
  theme: ExportTheme;
}

export const SLIDE_WIDTH = 1280;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
const KIND_ORDER: VisualKind[] = ['boss', 'exec', 'execFile', 'spawn', 'fork', 'shell', 'os'];

export function timelineSvg(run: TimelineSource, window: TimeWindow, o: TimelineSvgOptions): string {
  return timelinePicture(run, window, o).svg;
}

export function timelinePicture(run: TimelineSource, window: TimeWindow, o: TimelineSvgOptions): TimelinePicture {
  const width = Math.max(320, Math.round(o.width ?? SLIDE_WIDTH));
  const u = width / SLIDE_WIDTH;
  const theme = o.theme ?? 'light';
  const palette = SVG_PALETTES[theme];
  const index = run.index;
  const lanes = index.lanes();
  const pad = 28 * u;

  const header = o.header === false ? null : pictureHeader(o.title, runSubtitle(index.counters, window, o.lang), width, u, palette);
  const axisTop = header ? header.height : 12 * u;
  const axisH = 36 * u;
  const lanesTop = axisTop + axisH;
  const laneH = Math.max(30 * u, Math.min(42 * u, (480 * u) / Math.max(1, lanes.length)));
  const lanesBottom = lanesTop + lanes.length * laneH;
  const plotX = pad + LABEL_COLUMN * u;
  const plotW = width - plotX - pad;
  const span = Math.max(window.end - window.start, 1);
  const scale: PixelScale = { start: window.start, pxPerUs: plotW / span, width: plotW };
  const axisFrame: AxisFrame = { scale, plotX, top: axisTop, height: axisH, bottom: lanesBottom, u, lang: o.lang, palette };

  const kinds = KIND_ORDER.filter((kind) => lanes.some((lane) => visualKind(lane.record) === kind));
  const legendTop = lanesBottom + 22 * u;
  const key = legend({ x: pad, top: legendTop, width: width - 2 * pad, u, lang: o.lang, palette, kinds });
  const tasksKey = lanes.some((lane) => lane.tasks) ? taskLegend({ x: pad, top: legendTop + key.height + 14 * u, width: width - 2 * pad, u, lang: o.lang, palette, kinds: index.tasks.kinds }) : null;
  const height = Math.ceil(legendTop + key.height + (tasksKey ? tasksKey.height + 14 * u : 0) + pad * 0.6);

  const stripes = lanes.map((_, row) => (row % 2 === 1 ? el('rect', { x: pad, y: lanesTop + row * laneH, width: width - 2 * pad, height: laneH, fill: palette.stripe }) : '')).join('');
  const frame = { scale, plotX, laneH, u, palette, log: run.events, openEnd: index.runEnd?.t ?? index.lastT };
  const marks = lanes
    .map((lane, row) => {
      const y = lanesTop + row * laneH;
      if (lane.tasks) return taskLaneMarks(frame, { ...lane, tasks: lane.tasks }, y, theme);
      return lane.thread ? threadLaneMarks(frame, { ...lane, thread: lane.thread }, y) : laneMarks(frame, lane, y);
    })
    .join('');
  const rows = laneRows(lanes);
  const middle = (row: number): number => lanesTop + row * laneH + laneH / 2;
  const laneMiddle = new Map([...rows.rowOf].map(([pid, row]) => [pid, middle(row)]));
  const threadMiddle = new Map([...rows.threadRowOf].map(([key, row]) => [key, middle(row)]));
  const arrows = ipcArrows({ scale, plotX, u, palette, laneMiddle, threadMiddle, processes: index.processes }, index.channels.byKey.values());
  const labels = lanes.map((lane, row) => laneLabel({ x: pad, u, laneH, lang: o.lang, palette, lanes }, lane, row, lanesTop + row * laneH)).join('');
  const axis = axisOf(axisFrame);

  const defs = el('defs', {},
    el('clipPath', { id: 'obra-tl-plot' }, el('rect', { x: plotX, y: lanesTop - 14 * u, width: plotW, height: lanesBottom - lanesTop + 28 * u })) +
    kinds.map((kind) => hatchPattern(kind, palette, u)).join('') + (kinds.includes('spawn') ? '' : hatchPattern('spawn', palette, u)));
  const body =
    `<title>${escapeXml(o.title)}</title>` +
    defs +
    el('rect', { width, height, fill: palette.paper }) +
    (header?.svg ?? '') +
    stripes +
    timeAxis(axisFrame, axis) +
    labels +
    el('g', { 'clip-path': 'url(#obra-tl-plot)' }, marks + arrows + (o.cursor !== undefined && o.cursor !== null ? playhead(axisFrame, o.cursor) : '')) +
    el('path', { d: `M${n(pad)} ${n(lanesBottom)}H${n(width - pad)}`, stroke: palette.axisLine, 'stroke-width': u }) +
    key.svg +
    (tasksKey?.svg ?? '');
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" role="img" aria-label="${escapeXml(o.title)}">` +
    body +
    `</svg>\n`;
  return { svg, width, height, axis: axisFrame, theme };
}

