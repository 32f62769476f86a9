import { describe, expect, it } from 'vitest';
import type { LabEvent, TaskEvent } from '../../shared/events';
import { TaskIndex } from '../model/taskIndex';
import { laneGeometry } from './laneLayout';
import { TIMELINE_PALETTES } from './palette';
import { paintTaskLane, taskTrackGeometry } from './paintTaskLane';
import { FontSizes, timelineTextFor } from './timelineText';

/** A 2D context that keeps the slices painted (fills at the slices' height), and counts every call. */
function recordingContext(sliceH: number) {
  const slices: { x: number; w: number; fill: string }[] = [];
  let calls = 0;
  const ctx = new Proxy(
    { fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1, font: '', textBaseline: '' } as Record<string, unknown>,
    {
      get(target, key) {
        if (key in target) return target[key as string];
        return (...args: number[]) => {
          calls++;
          if (key === 'fillRect' && args[3] === sliceH) slices.push({ x: args[0], w: args[2], fill: String(target.fillStyle) });
          if (key === 'measureText') return { width: 10 };
          return undefined;
        };
      },
      set(target, key, value) {
        target[key as string] = value;
        return true;
      },
    },
  );
  return { ctx: ctx as unknown as CanvasRenderingContext2D, slices, calls: () => calls };
}

function paintOf(log: LabEvent[], scale: { start: number; pxPerUs: number; width: number }) {
  const index = new TaskIndex();
  log.forEach((e, i) => index.add(e as TaskEvent, i));
  const height = 40;
  const rec = recordingContext(taskTrackGeometry(height).sliceH);
  let reads = 0;
  const counted = new Proxy(log, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const paint = { ctx: rec.ctx, scale, geometry: laneGeometry(height), log: counted, openEnd: 0, text: timelineTextFor(height), fonts: new FontSizes(), palette: TIMELINE_PALETTES.light };
  paintTaskLane(paint, index.track(7)!, 0, 'light');
  return { ...rec, reads: () => reads };
}

/** The pixel columns a set of slices covers. */
function columns(slices: { x: number; w: number }[]): Set<number> {
  const out = new Set<number>();
  for (const s of slices) for (let c = Math.floor(s.x); c < Math.ceil(s.x + s.w); c++) out.add(c);
  return out;
}

const task = (t: number, dur: number, kind: TaskEvent['kind'] = 'ipc'): TaskEvent => ({ type: 'task', t, pid: 7, kind, dur });

describe('the callback track, a long run in one window', () => {
  // 200,000 callbacks of 3 µs every 50 µs (10 s), and among them a 40 ms fs callback and a 2 s timer.
  const log: LabEvent[] = [];
  for (let i = 0; i < 200_000; i++) log.push(task(i * 50, 3));
  log.push(task(3_000_010, 40_000, 'fs'), task(6_000_020, 2_000_000, 'timer'));
  const scale = { start: 0, pxPerUs: 1000 / 10_000_000, width: 1000 };

  it('marks every pixel column that callbacks start in, once, and draws the wide ones whole', () => {
    const rec = paintOf(log, scale);
    const covered = columns(rec.slices);
    for (let c = 0; c < 1000; c++) expect(covered.has(c), `column ${c}`).toBe(true);
    const fs = rec.slices.find((s) => Math.abs(s.x - 300.001) < 1e-6);
    expect(fs?.w).toBeCloseTo(4, 3);
    const timer = rec.slices.find((s) => Math.abs(s.x - 600.002) < 1e-6);
    expect(timer?.w).toBeCloseTo(200, 3);
    // One mark per column (not one per callback), and the two wide ones over them.
    expect(rec.slices.length).toBeLessThanOrEqual(1000 + 2);
    expect(rec.calls()).toBeLessThan(5_000);
    // The log is read for what is painted, not for each of the 200,000 callbacks in the window.
    expect(rec.reads()).toBeLessThan(5_000);
  });

  it('paints neighbouring narrow marks of one kind as one rectangle, over the same columns', () => {
    const rec = paintOf(log, scale);
    const narrow = rec.slices.filter((s) => s.fill === '#CC79A7');
    // The ipc marks in 1,000 columns, broken only where the fs and timer slices are drawn whole.
    expect(narrow.length).toBeLessThanOrEqual(3);
    expect(columns(narrow).size).toBeGreaterThanOrEqual(1000 - 4 - 200);
  });

  it('zoomed in, each callback is its own slice', () => {
    const rec = paintOf(log, { start: 1_000_000, pxPerUs: 1, width: 1000 });
    // From 1.000 s to 1.001 s: the callbacks starting at every 50 µs, 3 px wide.
    expect(rec.slices.filter((s) => s.w >= 3).map((s) => Math.round(s.x))).toEqual(Array.from({ length: 20 }, (_, i) => i * 50));
  });
});
