/**
 * Measurement hooks for the renderer benchmark (bench/renderer.bench.cjs),
 * present only when the page is opened with `perf` in its query string: each
 * timeline draw records when it happened and how much of the log it showed,
 * so the benchmark can tell how long an event took from the child to the screen
 * (bench/renderer.bench.cjs and bench/wire.bench.cjs ask it per log entry).
 */
export interface FrameLog {
  /** Wall-clock ms (performance.timeOrigin + now) of each draw, when it was rasterized. */
  drawnAt: number[];
  /** Log length each draw showed. */
  logLength: number[];
  /** ms each draw took on the page's main thread (its raster, where a worker does it, not counted). */
  drawMs: number[];
  /** Wall-clock ms when each batch of the shown run was folded into the log, and the log's length after it. */
  arrivedAt: number[];
  arrivedLength: number[];
  /** Wall-clock ms of the first draw that showed log entry `i` (NaN: none yet). */
  drawnAtOf(i: number): number;
  /** Wall-clock ms when log entry `i` came into the log (NaN: not yet). */
  arrivedAtOf(i: number): number;
}

declare global {
  interface Window {
    __obraFrames?: FrameLog;
  }
}

/** The page was opened with `perf` in its query string (the benchmark does): measurement is on. */
export const perfEnabled = typeof location !== 'undefined' && new URLSearchParams(location.search).has('perf');

/** The time in `at` of the first entry whose log length (`lengths`, non-decreasing) holds index i; NaN if none. */
export function firstHolding(lengths: readonly number[], at: readonly number[], i: number): number {
  let lo = 0;
  let hi = lengths.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lengths[mid] > i) hi = mid;
    else lo = mid + 1;
  }
  return lo < lengths.length ? at[lo] : NaN;
}

function newFrameLog(): FrameLog {
  const log: FrameLog = {
    drawnAt: [],
    logLength: [],
    drawMs: [],
    arrivedAt: [],
    arrivedLength: [],
    drawnAtOf: (i) => firstHolding(log.logLength, log.drawnAt, i),
    arrivedAtOf: (i) => firstHolding(log.arrivedLength, log.arrivedAt, i),
  };
  return log;
}

export const frameLog: FrameLog | null = perfEnabled ? newFrameLog() : null;
if (frameLog) window.__obraFrames = frameLog;

/** A draw is on the canvas: it showed `logLength` entries and cost the page `drawMs`; `drawnAt` (wall-clock ms) when it was rasterized. */
export function recordDraw(logLength: number, drawMs: number, drawnAt = performance.timeOrigin + performance.now()): void {
  if (!frameLog) return;
  frameLog.drawnAt.push(drawnAt);
  frameLog.logLength.push(logLength);
  frameLog.drawMs.push(drawMs);
}

export function recordArrival(logLength: number): void {
  if (!frameLog) return;
  frameLog.arrivedAt.push(performance.timeOrigin + performance.now());
  frameLog.arrivedLength.push(logLength);
}
