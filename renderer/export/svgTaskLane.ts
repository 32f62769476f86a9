/**
 * A callback track in an exported picture, as on the screen's timeline: a slice per callback in
 * its kind's colour (and letter where it fits), coalesced runs over their span as dense as they
 * were, a bracket from due to ran for a late timer; beside it the label "callbacks"; under the
 * legend, the kinds. Callbacks that share a column of the picture are one mark (taskSlices.ts).
 */
import type { Lang } from '../../shared/api';
import { TASK_KINDS, type TaskEvent, type TaskKind } from '../../shared/events';
import { TASK_MESSAGES } from '../i18n/taskMessages';
import type { ProcessLane } from '../model/processLanes';
import { timersAround, timersLateBy, type TaskTrack } from '../model/taskIndex';
import { forEachTaskSlice } from '../model/taskSlices';
import { TASK_FILL, TASK_LETTER, TASK_OUTLINE, taskOpacity } from '../timeline/taskPalette';
import type { LaneFrame } from './svgLaneMarks';
import type { ExportTheme, SvgPalette } from './svgTheme';
import { el, n, text, textWidth } from './xml';

type TaskLane = ProcessLane & { tasks: TaskTrack };

export function taskLaneMarks(f: LaneFrame, lane: TaskLane, y: number, theme: ExportTheme): string {
  const { scale, plotX, laneH, u, palette, log } = f;
  const track = lane.tasks;
  const toX = (t: number): number => plotX + (t - scale.start) * scale.pxPerUs;
  const sliceTop = y + laneH * 0.4;
  const sliceH = laneH * 0.46;
  const bracketY = y + laneH * 0.2;
  let out = '';
  forEachTaskSlice(track, scale, u, (logIndex, x, w) => {
    const task = log[logIndex] as TaskEvent;
    const a = plotX + x;
    const count = task.count ?? 1;
    const opacity = taskOpacity(task);
    out += el('rect', { x: a, y: sliceTop, width: w, height: sliceH, fill: TASK_FILL[task.kind], 'fill-opacity': opacity, ...(w >= 3 * u ? { stroke: TASK_OUTLINE[theme][task.kind], 'stroke-width': u } : {}) });
    const size = 14 * u;
    const letter = count > 1 ? `${TASK_LETTER[task.kind]}×${count}` : TASK_LETTER[task.kind];
    const tw = textWidth(letter, size, true);
    if (w >= tw + 8 * u) {
      out += el('rect', { x: a + 2 * u, y: sliceTop + sliceH / 2 - 9 * u, width: tw + 4 * u, height: 18 * u, fill: palette.halo });
      out += text({ x: a + 4 * u, y: sliceTop + sliceH / 2 + 5 * u, 'font-size': size, 'font-weight': 700, fill: palette.ink }, letter);
    }
  });
  const viewEnd = scale.start + scale.width / scale.pxPerUs;
  const timers = timersLateBy(track, (2 * u) / scale.pxPerUs);
  const [first, last] = timersAround(timers, scale.start, viewEnd);
  for (let i = first; i < last; i++) {
    const task = log[timers.idx[i]] as TaskEvent;
    if (task.due === undefined || task.t < scale.start || task.due > viewEnd) continue;
    const xDue = toX(task.due);
    const xRan = toX(task.t);
    if (xRan - xDue < 2 * u) continue;
    const colour = TASK_OUTLINE[theme].timer;
    out += el('path', { d: `M${n(xDue)} ${n(bracketY)}H${n(xRan)}`, stroke: colour, 'stroke-width': 1.5 * u, 'stroke-dasharray': `${n(4 * u)} ${n(3 * u)}`, fill: 'none' });
    out += el('path', { d: `M${n(xDue)} ${n(bracketY - 4 * u)}V${n(bracketY + 4 * u)}M${n(xRan)} ${n(bracketY - 4 * u)}V${n(bracketY + 8 * u)}`, stroke: colour, 'stroke-width': 1.5 * u, fill: 'none' });
  }
  return out;
}

export function taskLaneLabel(f: { x: number; u: number; laneH: number; lang: Lang; palette: SvgPalette; indent: number; maxDepth: number }, lane: TaskLane, y: number): string {
  const { u, laneH, palette } = f;
  const x0 = f.x + 4 * u + Math.min(lane.depth + 1, f.maxDepth) * f.indent * u;
  return text({ x: x0, y: y + laneH / 2 + 5 * u, 'font-size': 14 * u, 'font-style': 'italic', fill: palette.inkSoft }, `↻ ${TASK_MESSAGES[f.lang].track}`);
}

/** The callback kinds the run has, under the legend: colour and letter together. */
export function taskLegend(f: { x: number; top: number; width: number; u: number; lang: Lang; palette: SvgPalette; kinds: ReadonlySet<TaskKind> }): { svg: string; height: number } {
  const { u, palette } = f;
  const m = TASK_MESSAGES[f.lang];
  const size = 15 * u;
  let x = f.x;
  let row = 0;
  let svg = text({ x, y: f.top + 5 * u, 'font-size': size, 'font-weight': 700, fill: palette.ink }, `${m.track}:`);
  x += textWidth(`${m.track}:`, size, true) + 10 * u;
  for (const kind of TASK_KINDS.filter((k) => f.kinds.has(k))) {
    const w = 22 * u + 6 * u + textWidth(m.kind[kind], size) + 16 * u;
    if (x + w > f.x + f.width) {
      row++;
      x = f.x;
    }
    const mid = f.top + row * 30 * u;
    svg += el('rect', { x, y: mid - 10 * u, width: 22 * u, height: 20 * u, fill: TASK_FILL[kind], stroke: palette.ink, 'stroke-width': u });
    svg += el('rect', { x: x + 3 * u, y: mid - 8 * u, width: 16 * u, height: 16 * u, fill: palette.halo });
    svg += text({ x: x + 11 * u, y: mid + 5 * u, 'font-size': 14 * u, 'font-weight': 700, 'text-anchor': 'middle', fill: palette.ink }, TASK_LETTER[kind]);
    svg += text({ x: x + 28 * u, y: mid + 5 * u, 'font-size': size, fill: palette.ink }, m.kind[kind]);
    x += w;
  }
  return { svg, height: (row + 1) * 30 * u };
}
