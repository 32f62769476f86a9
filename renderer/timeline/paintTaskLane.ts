import type { TaskEvent } from '../../shared/events';
import type { PixelScale } from '../model/levelOfDetail';
import { lookKind, lookOpacity, timersAround, timersLateBy, type TaskTrack } from '../model/taskIndex';
import { forEachTaskSlice } from '../model/taskSlices';
import type { LanePaint } from './paintLane';
import { TASK_FILL, TASK_LETTER, TASK_OUTLINE, taskOpacity } from './taskPalette';
import type { LaneCanvas } from './laneFrame';

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
 * a bracket from when it was due to when it ran. Callbacks that share a pixel are one mark
 * (taskSlices.ts).
 */
export function paintTaskLane(paint: LanePaint, track: TaskTrack, y: number, theme: 'light' | 'dark'): void {
  const { scale } = paint;
  const g = taskTrackGeometry(paint.geometry.height);
  const top = y + g.sliceTop;
  const viewEnd = scale.start + scale.width / scale.pxPerUs;
  const narrow = new NarrowRun(paint.ctx, top, g.sliceH);
  forEachTaskSlice(track, scale, 1, (logIndex, a, w, look) => {
    // A narrow mark needs only its look: the callback's record is read for the slices wide enough to outline and letter.
    if (w < OUTLINED_PX) return narrow.add(a, w, TASK_FILL[lookKind(look)], lookOpacity(look));
    narrow.flush();
    paintSlice(paint, paint.log[logIndex] as TaskEvent, a, w, top, g.sliceH, theme);
  });
  narrow.flush();
  paintLateness(paint, track, y + g.bracketY, TASK_OUTLINE[theme].timer, viewEnd);
}

/** Slices narrower than this have no outline (nor letter): neighbours of one fill are painted as one. */
const OUTLINED_PX = 3;

/**
 * Narrow slices side by side with the same fill, painted as one rectangle: a flood's callback
 * track is a mark in nearly every pixel column, and a fill per column was half of a live draw.
 */
class NarrowRun {
  private x = 0;
  private end = 0;
  private fill = '';
  private alpha = 1;

  constructor(
    private readonly ctx: LaneCanvas,
    private readonly top: number,
    private readonly height: number,
  ) {}

  add(x: number, w: number, fill: string, alpha: number): void {
    if (this.end > this.x && fill === this.fill && alpha === this.alpha && Math.abs(x - this.end) < 1e-6) {
      this.end = x + w;
      return;
    }
    this.flush();
    this.x = x;
    this.end = x + w;
    this.fill = fill;
    this.alpha = alpha;
  }

  flush(): void {
    if (this.end <= this.x) return;
    this.ctx.fillStyle = this.fill;
    this.ctx.globalAlpha = this.alpha;
    this.ctx.fillRect(this.x, this.top, this.end - this.x, this.height);
    this.ctx.globalAlpha = 1;
    this.end = this.x;
  }
}

/** One callback's slice: its kind's fill (as dense as a coalesced run was), an outline and its letter where there is room. */
function paintSlice(paint: LanePaint, task: TaskEvent, a: number, w: number, top: number, sliceH: number, theme: 'light' | 'dark'): void {
  const { ctx } = paint;
  const count = task.count ?? 1;
  ctx.fillStyle = TASK_FILL[task.kind];
  ctx.globalAlpha = taskOpacity(task);
  ctx.fillRect(a, top, w, sliceH);
  ctx.globalAlpha = 1;
  if (w >= OUTLINED_PX) {
    ctx.strokeStyle = TASK_OUTLINE[theme][task.kind];
    ctx.lineWidth = 1;
    ctx.strokeRect(a + 0.5, top + 0.5, w - 1, sliceH - 1);
  }
  if (w >= paint.text.markerPx * 1.6) paintLetter(paint, count > 1 ? `${TASK_LETTER[task.kind]}×${count}` : TASK_LETTER[task.kind], a, w, top + sliceH / 2);
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

/** For each timer that ran at least 2 px after it was due: a bracket from due to start. */
function paintLateness(paint: LanePaint, track: TaskTrack, bracketY: number, colour: string, viewEnd: number): void {
  const { ctx, scale, log } = paint;
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 1.5;
  const timers = timersLateBy(track, 2 / scale.pxPerUs);
  const [first, last] = timersAround(timers, scale.start, viewEnd);
  for (let i = first; i < last; i++) {
    const task = log[timers.idx[i]] as TaskEvent;
    if (task.due === undefined || task.due > viewEnd || task.t < scale.start) continue;
    const xDue = toX(scale, task.due);
    const xRan = toX(scale, task.t);
    if (xRan - xDue < 2) continue;
    const tick = 4;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(xDue, bracketY);
    ctx.lineTo(xRan, bracketY);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(xDue, bracketY - tick);
    ctx.lineTo(xDue, bracketY + tick);
    ctx.moveTo(xRan, bracketY - tick);
    ctx.lineTo(xRan, bracketY + tick * 2);
    ctx.stroke();
  }
}
