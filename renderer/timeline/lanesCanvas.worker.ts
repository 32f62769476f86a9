/**
 * The lanes canvas's raster, off the page's main thread: the page sends the
 * canvas (transferControlToOffscreen) once, then each draw as a recorded
 * frame (laneFrame.ts); this replays it, and says when it did (the frame is
 * shown when this task ends).
 */
import { replayFrame, type LaneFrame, type PatternTile } from './laneFrame';

export type LanesCanvasMessage = { type: 'canvas'; canvas: OffscreenCanvas } | { type: 'frame'; frame: LaneFrame };
export interface LanesCanvasDrawn {
  seq: number;
  logLength: number;
  /** Wall-clock ms (timeOrigin + now) when the frame was replayed. */
  drawnAt: number;
  /** The frame's buffer, given back for a later frame. */
  ops: Float64Array;
}

/** The worker's side of postMessage (the page's lib has no worker scope types). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<LanesCanvasMessage>) => void) | null; postMessage(drawn: LanesCanvasDrawn, transfer: Transferable[]): void };

let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let patterns = new Map<number, CanvasPattern | null>();

const tileOf = (tile: PatternTile): OffscreenCanvas => {
  const c = new OffscreenCanvas(tile.width, tile.height);
  c.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(tile.data), tile.width, tile.height), 0, 0);
  return c;
};

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'canvas') {
    canvas = m.canvas;
    ctx = canvas.getContext('2d');
    return;
  }
  if (!canvas || !ctx) return;
  const { frame } = m;
  // A new size clears the canvas and its state, as it did when the page drew it.
  if (canvas.width !== frame.width || canvas.height !== frame.height) {
    canvas.width = frame.width;
    canvas.height = frame.height;
    patterns = new Map();
  }
  replayFrame(ctx, frame, patterns, tileOf);
  const drawn: LanesCanvasDrawn = { seq: frame.seq, logLength: frame.logLength, drawnAt: performance.timeOrigin + performance.now(), ops: frame.ops };
  scope.postMessage(drawn, [frame.ops.buffer]);
};
