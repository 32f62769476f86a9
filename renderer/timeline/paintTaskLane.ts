import type { TaskEvent } from '../../shared/events';
import type { PixelScale } from '../model/levelOfDetail';
import { firstStartingAt, lateTimersAround, tasksCrossing, type TaskTrack } from '../model/taskIndex';
import type { LanePaint } from './paintLane';
import { TASK_FILL, TASK_LETTER, TASK_OUTLINE } from './taskPalette';

const toX = (scale: PixelScale, t: number): number => (t - scale.start) * scale.pxPerUs;

/** Where in a track's row the slices and the timers' brackets go. */
export function taskTrackGeometry(height: number): { bracketY: number; sliceTop: number; sliceH: number } {
  const sliceH = Math.max(6, Math.round(height * 0.46));
  const sliceTop = Math.round(height * 0.4);
  return { bracketY: Math.round(height * 0.2), sliceTop, sliceH };
}

/**
 * A thread's callback track: a slice per callback, from its start for as long as it ran, in
 * its kind's colour with its kind's letter where there is room; a coalesced run of callbacks
 * over its span, as dense as they were (their time over the span). For a timer that ran late,
 * a bracket from when it was due to when it ran. Callbacks that share a pixel are one mark.
 */
export function paintTaskLane(paint: LanePaint, track: TaskTrack, y: number, theme: 'light' | 'dark'): void {
  const { ctx, scale, log } = paint;
  const g = taskTrackGeometry(paint.geometry.height);
  const top = y + g.sliceTop;
  const viewEnd = scale.start + scale.width / scale.pxPerUs;
  const [from, to] = tasksCrossing(track, scale.start, viewEnd);
  const outline = TASK_OUTLINE[theme];
  const letterPx = paint.text.markerPx;
  // No callback is wider than a pixel: after one is drawn, the rest that start in its column
  // are skipped by a search rather than one by one (a long run has millions in view).
  const allThin = track.longest * scale.pxPerUs <= 1;
  let drawnTo = -Infinity;
  for (let i = from; i < to; i++) {
    const task = log[track.idx[i]] as TaskEvent;
    const x0 = toX(scale, track.start[i]);
    const x1 = toX(scale, track.end[i]);
    if (x1 < -2 || x0 > scale.width + 2) continue;
    const a = Math.max(-2, x0);
    const w = Math.max(1, Math.min(scale.width + 2, x1) - a);
    // Many callbacks in one pixel column: the first stands for them.
    if (w <= 1 && Math.floor(a) <= drawnTo) continue;
    drawnTo = Math.floor(a + w);
    if (allThin) i = Math.max(i, firstStartingAt(track, scale.start + (drawnTo + 1) / scale.pxPerUs) - 1);
    const count = task.count ?? 1;
    ctx.fillStyle = TASK_FILL[task.kind];
    ctx.globalAlpha = count > 1 ? Math.max(0.3, Math.min(1, task.dur / Math.max(1, task.span ?? task.dur))) : 1;
    ctx.fillRect(a, top, w, g.sliceH);
    ctx.globalAlpha = 1;
    if (w >= 3) {
      ctx.strokeStyle = outline[task.kind];
      ctx.lineWidth = 1;
      ctx.strokeRect(a + 0.5, top + 0.5, w - 1, g.sliceH - 1);
    }
    if (w >= letterPx * 1.6) paintLetter(paint, count > 1 ? `${TASK_LETTER[task.kind]}×${count}` : TASK_LETTER[task.kind], a, w, top + g.sliceH / 2);
  }
  paintLateness(paint, track, y + g.bracketY, outline.timer, viewEnd);
}

/** The kind's letter, on a halo so it reads on any fill. */
function paintLetter(paint: LanePaint, text: string, x: number, w: number, midY: number): void {
  const { ctx, palette } = paint;
  paint.fonts.use(ctx, paint.text.markerPx, 'bold');
  const tw = ctx.measureText(text).width;
  if (tw + 6 > w) return;
  const h = Math.round(paint.text.markerPx * 1.2);
  const left = x + Math.min(3, (w - tw - 4) / 2);
  ctx.fillStyle = palette.labelHalo;
  ctx.fillRect(left, midY - h / 2, tw + 4, h);
  ctx.fillStyle = palette.axisText;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, left + 2, midY);
}

/**
 * For each timer that ran at least 2 px after it was due: a bracket from due to start — a
 * dashed line with a tick at each end. A long run has tens of thousands of late timers in view,
 * and a stroke each took a second a frame: so brackets that overlap share one dashed line (from
 * the earliest due to the latest start among them), and ticks are drawn once per pixel column,
 * all in two paths. Timers come in the order they ran (per lateness class), so an overlap is with
 * the line being drawn; only the classes late enough for a bracket at this zoom are visited.
 */
function paintLateness(paint: LanePaint, track: TaskTrack, bracketY: number, colour: string, viewEnd: number): void {
  const { ctx, scale, log } = paint;
  const tick = 4;
  const lines = new Path2D();
  const ticks = new Path2D();
  const ticked = new Set<number>();
  const addTick = (x: number, below: number): void => {
    const key = Math.round(x) * 2 + (below > tick ? 1 : 0);
    if (ticked.has(key)) return;
    ticked.add(key);
    ticks.moveTo(x, bracketY - tick);
    ticks.lineTo(x, bracketY + below);
  };
  let lineFrom = NaN;
  let lineTo = NaN;
  const addLine = (): void => {
    if (!(lineTo > lineFrom)) return;
    lines.moveTo(lineFrom, bracketY);
    lines.lineTo(lineTo, bracketY);
  };
  // Only timers late enough for a 2 px bracket at this zoom are visited, class by class.
  for (const [late, first, last] of lateTimersAround(track, scale.start, viewEnd, 2 / scale.pxPerUs)) {
    for (let i = first; i < last; i++) {
      const task = log[late.timers[i]] as TaskEvent;
      if (task.due === undefined || task.due > viewEnd || task.t < scale.start) continue;
      const xDue = toX(scale, task.due);
      const xRan = toX(scale, task.t);
      if (xRan - xDue < 2) continue;
      addTick(xDue, tick);
      addTick(xRan, tick * 2);
      if (xDue <= lineTo) {
        [lineFrom, lineTo] = [Math.min(lineFrom, xDue), Math.max(lineTo, xRan)];
        continue;
      }
      addLine();
      [lineFrom, lineTo] = [xDue, xRan];
    }
    addLine();
    [lineFrom, lineTo] = [NaN, NaN];
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([4, 3]);
  ctx.stroke(lines);
  ctx.setLineDash([]);
  ctx.stroke(ticks);
}
