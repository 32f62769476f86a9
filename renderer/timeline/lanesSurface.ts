/**
 * Where the lanes are drawn: on the canvas itself (where a browser cannot
 * hand a canvas to a worker: jsdom), or through a recorder whose frames a
 * worker rasterizes onto the canvas (lanesCanvas.worker.ts). A canvas can be
 * handed over once: its surface is kept per element and shared by the
 * painters that draw on it (a projector toggle makes a new painter, React's
 * strict mode two), and its worker ends when no painter has used it for a turn.
 */
import { frameLog, recordDraw } from '../perf/frameLog';
import { CanvasRecorder } from './canvasRecorder';
import type { LaneCanvas } from './laneFrame';
import type { LanesCanvasDrawn, LanesCanvasMessage } from './lanesCanvas.worker';

export interface LanesSurface {
  /** A context to paint the coming draw on, `width` × `height` pixels; null: nothing can be drawn. */
  begin(width: number, height: number): LaneCanvas | null;
  /** The draw is painted: show it. `logLength`: the log it showed; `drawMs`: its cost on the page. */
  finish(logLength: number, drawMs: number): void;
  /** A draw is on its way to the canvas: the next waits for it. */
  readonly busy: boolean;
}

class LocalSurface implements LanesSurface {
  readonly busy = false;
  constructor(private readonly canvas: HTMLCanvasElement) {}

  begin(width: number, height: number): LaneCanvas | null {
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    return this.canvas.getContext('2d');
  }

  finish(logLength: number, drawMs: number): void {
    recordDraw(logLength, drawMs);
  }
}

class WorkerSurface implements LanesSurface {
  private readonly worker = new Worker(new URL('./lanesCanvas.worker.ts', import.meta.url), { type: 'module' });
  private readonly recorder: CanvasRecorder;
  private width = 0;
  private height = 0;
  private seq = 0;
  private inFlight = 0;
  private readonly drawMs = new Map<number, number>();

  constructor(canvas: HTMLCanvasElement) {
    const offscreen = canvas.transferControlToOffscreen();
    // Said on the element: its pixels are the worker's (the page's getContext would throw).
    canvas.dataset.drawnBy = 'worker';
    const message: LanesCanvasMessage = { type: 'canvas', canvas: offscreen };
    this.worker.postMessage(message, [offscreen]);
    this.recorder = new CanvasRecorder(new OffscreenCanvas(1, 1).getContext('2d') ?? document.createElement('canvas').getContext('2d')!);
    this.worker.onmessage = (e: MessageEvent<LanesCanvasDrawn>) => {
      this.inFlight = Math.max(0, this.inFlight - 1);
      recordDraw(e.data.logLength, this.drawMs.get(e.data.seq) ?? 0, e.data.drawnAt);
      this.drawMs.delete(e.data.seq);
      this.recorder.recycle(e.data.ops);
    };
    // Said where a test or a reader looks: a timeline that cannot draw is not left blank in silence.
    this.worker.onerror = (e) => {
      this.inFlight = 0;
      canvas.dataset.drawError = e.message || 'the timeline worker stopped';
      console.error('timeline: the lanes worker failed:', e.message);
    };
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  begin(width: number, height: number): LaneCanvas {
    this.width = width;
    this.height = height;
    return this.recorder;
  }

  finish(logLength: number, drawMs: number): void {
    const frame = this.recorder.take({ width: this.width, height: this.height, seq: ++this.seq, logLength });
    if (frameLog) this.drawMs.set(frame.seq, drawMs);
    this.inFlight++;
    const message: LanesCanvasMessage = { type: 'frame', frame };
    this.worker.postMessage(message, [frame.ops.buffer]);
  }

  end(): void {
    this.worker.terminate();
  }
}

const shared = new WeakMap<HTMLCanvasElement, { surface: LanesSurface; users: number }>();

/** The canvas's surface, for one more painter. */
export function acquireLanesSurface(canvas: HTMLCanvasElement): LanesSurface {
  let entry = shared.get(canvas);
  if (!entry) {
    const offscreen = typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function' && typeof OffscreenCanvas === 'function';
    entry = { surface: offscreen ? new WorkerSurface(canvas) : new LocalSurface(canvas), users: 0 };
    shared.set(canvas, entry);
  }
  entry.users++;
  return entry.surface;
}

/** A painter is done with the canvas; its worker ends if no painter takes it up again in this turn. */
export function releaseLanesSurface(canvas: HTMLCanvasElement): void {
  const entry = shared.get(canvas);
  if (!entry) return;
  entry.users--;
  setTimeout(() => {
    if (entry.users > 0 || shared.get(canvas) !== entry) return;
    shared.delete(canvas);
    if (entry.surface instanceof WorkerSurface) entry.surface.end();
  }, 0);
}
