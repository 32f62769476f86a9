import { describe, expect, it } from 'vitest';
import { CanvasRecorder } from './canvasRecorder';
import { replayFrame, type LaneCanvas, type PatternTile } from './laneFrame';

/** A 2D context that writes down every call and property set, in order. */
function loggingContext() {
  const calls: unknown[][] = [];
  const target: Record<string, unknown> = { fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1, font: '', textBaseline: '' };
  const ctx = new Proxy(target, {
    get(t, key) {
      if (key in t) return t[key as string];
      return (...args: unknown[]) => {
        calls.push([key, ...args]);
        if (key === 'measureText') return { width: String(args[0]).length * 7 };
        if (key === 'createPattern') return { pattern: (args[0] as { id?: number }).id ?? 'tile' };
        return undefined;
      };
    },
    set(t, key, value) {
      t[key as string] = value;
      calls.push([`${String(key)}=`, value]);
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

/** The painters' kind of drawing, on any lane canvas. */
function paintSome(ctx: LaneCanvas, tile: CanvasImageSource): void {
  ctx.setTransform(2, 0, 0, 2, 0, 0);
  ctx.clearRect(0, 0, 100, 40);
  ctx.fillStyle = '#123456';
  ctx.globalAlpha = 0.35;
  ctx.fillRect(1.5, 2, 3, 4);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = 'rgb(1, 2, 3)';
  ctx.lineWidth = 1.5;
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.lineTo(10, 5);
  ctx.arc(5, 5, 9, 0, Math.PI * 2, false);
  ctx.roundRect(1, 1, 8, 8, 3);
  ctx.closePath();
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fill();
  ctx.strokeRect(0.5, 0.5, 9, 9);
  ctx.font = 'bold 12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText('SIGTERM', 20, 10);
  ctx.fillStyle = ctx.createPattern(tile, 'repeat') ?? '#000';
  ctx.fillRect(0, 0, 6, 6);
}

const tileData = new Uint8ClampedArray(6 * 6 * 4).map((_, i) => i % 251);
const tileCanvas = { width: 6, height: 6, getContext: () => ({ getImageData: () => ({ data: tileData }) }) } as unknown as HTMLCanvasElement;

describe('a recorded lane frame', () => {
  it('replays the very calls the painters made, in order, with their numbers and words', () => {
    const direct = loggingContext();
    paintSome(direct.ctx, tileCanvas);

    const recorder = new CanvasRecorder(loggingContext().ctx);
    paintSome(recorder, tileCanvas);
    const frame = recorder.take({ width: 200, height: 80, seq: 1, logLength: 7 });
    expect(frame).toMatchObject({ width: 200, height: 80, seq: 1, logLength: 7 });
    const replayed = loggingContext();
    const tiles: PatternTile[] = [];
    replayFrame(replayed.ctx, frame, new Map(), (tile) => {
      tiles.push(tile);
      return tileCanvas;
    });

    // The pattern is made again from the tile's own pixels, then used as the direct one was.
    expect(tiles).toEqual([{ id: 0, width: 6, height: 6, data: tileData, repetition: 'repeat' }]);
    const withoutPatternMaking = (calls: unknown[][]) => calls.filter((c) => c[0] !== 'createPattern' && c[0] !== 'measureText');
    expect(withoutPatternMaking(replayed.calls)).toEqual(withoutPatternMaking(direct.calls));
  });

  it('measures text with the font the frame set, on the page', () => {
    const measurer = loggingContext();
    const recorder = new CanvasRecorder(measurer.ctx);
    recorder.font = 'bold 20px system-ui, sans-serif';
    expect(recorder.measureText('127').width).toBe(21);
    expect(measurer.ctx.font).toBe('bold 20px system-ui, sans-serif');
  });

  it('keeps every call of a flood-sized draw, and starts the next frame empty', () => {
    const recorder = new CanvasRecorder(loggingContext().ctx);
    for (let i = 0; i < 10_000; i++) recorder.fillRect(i, 1, 2, 3);
    const frame = recorder.take({ width: 1, height: 1, seq: 1, logLength: 0 });
    const replayed = loggingContext();
    replayFrame(replayed.ctx, frame, new Map(), () => tileCanvas);
    expect(replayed.calls).toHaveLength(10_000);
    expect(replayed.calls.at(-1)).toEqual(['fillRect', 9_999, 1, 2, 3]);
    expect(recorder.take({ width: 1, height: 1, seq: 2, logLength: 0 }).length).toBe(0);
  });

  it('takes up a buffer the worker gave back, and starts it empty', () => {
    const recorder = new CanvasRecorder(loggingContext().ctx);
    recorder.fillRect(1, 2, 3, 4);
    const first = recorder.take({ width: 1, height: 1, seq: 1, logLength: 0 });
    recorder.recycle(first.ops);
    // The frame after the first was already under way in a buffer of its own; the one after it takes the given-back one.
    recorder.take({ width: 1, height: 1, seq: 2, logLength: 0 });
    recorder.fillRect(5, 6, 7, 8);
    const third = recorder.take({ width: 1, height: 1, seq: 3, logLength: 0 });
    expect(third.ops).toBe(first.ops);
    const replayed = loggingContext();
    replayFrame(replayed.ctx, third, new Map(), () => tileCanvas);
    expect(replayed.calls).toEqual([['fillRect', 5, 6, 7, 8]]);
  });

  it('refuses what it cannot record rather than draw it wrong', () => {
    const recorder = new CanvasRecorder(loggingContext().ctx);
    expect(() => recorder.roundRect(0, 0, 1, 1, [1, 2])).toThrow(/one number radius/);
    expect(() => (recorder.fillStyle = {} as CanvasGradient)).toThrow(/gradients/);
  });
});
