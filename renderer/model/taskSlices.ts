/**
 * The slices a callback track shows in a window, for the screen's timeline and the exported
 * picture alike. Callbacks that share a column are one mark: the first that starts in a
 * column stands for them, and the next mark is found by a jump to the next free column (a
 * window of a long run holds hundreds of thousands of callbacks; it is read per column, not
 * per callback). Callbacks a column wide or more are given whole, after the marks (drawn
 * over them), from the level of the track that holds them (taskIndex's tasksLastingAbout).
 */
import type { PixelScale } from './levelOfDetail';
import { firstStartingAt, tasksCrossing, tasksLastingAbout, type TaskTrack } from './taskIndex';

/**
 * Calls `visit` with each slice's callback (log index) and its left edge and width, in the
 * scale's pixels from its start, held to two columns past either edge, never under a column;
 * and how it looks (taskIndex's taskLook), read from the track rather than the log.
 */
export function forEachTaskSlice(track: TaskTrack, scale: PixelScale, columnPx: number, visit: (logIndex: number, x: number, w: number, look: number) => void): void {
  const viewEnd = scale.start + scale.width / scale.pxPerUs;
  const usPerColumn = columnPx / scale.pxPerUs;
  const lo = -2 * columnPx;
  const hi = scale.width + 2 * columnPx;
  // The slice of the callback last measured: its left edge and width (no array per callback: this is the draw loop).
  let x = 0;
  let w = 0;
  /** Measures a callback into x and w; false when it is off the window. */
  const measure = (start: number, end: number): boolean => {
    const x0 = (start - scale.start) * scale.pxPerUs;
    const x1 = (end - scale.start) * scale.pxPerUs;
    if (x1 < lo || x0 > hi) return false;
    x = Math.max(lo, x0);
    w = Math.max(columnPx, Math.min(hi, x1) - x);
    return true;
  };
  const [from, to] = tasksCrossing(track, scale.start, viewEnd);
  /** The last column marked (or covered by a callback given whole below). */
  let drawnTo = -Infinity;
  for (let i = from; i < to; ) {
    if (measure(track.start[i], track.end[i])) {
      const last = Math.ceil((x + w) / columnPx) - 1;
      if (w > columnPx) drawnTo = Math.max(drawnTo, last);
      else if (Math.floor(x / columnPx) > drawnTo) {
        visit(track.idx[i], x, w, track.look[i]);
        drawnTo = last;
      }
    }
    i = Math.max(i + 1, firstStartingAt(track, scale.start + (drawnTo + 1) * usPerColumn, i + 1));
  }
  const wide = tasksLastingAbout(track, usPerColumn);
  const [wideFrom, wideTo] = tasksCrossing(wide, scale.start, viewEnd);
  for (let i = wideFrom; i < wideTo; i++) {
    if (measure(wide.start[i], wide.end[i]) && w > columnPx) visit(wide.idx[i], x, w, wide.look[i]);
  }
}
