/**
 * Measurement hooks for the renderer benchmark (bench/renderer.bench.cjs),
 * present only when the page is opened with `perf` in its query string: each
 * timeline draw records when it happened and how much of the log it showed,
 * so the benchmark can tell how long an event took from the child to the screen
 * (bench/renderer.bench.cjs and bench/wire.bench.cjs ask it per log entry).
 */
export interface FrameLog {
  /** Wall-clock ms (performance.timeOrigin + now) of each draw. */
  drawnAt: number[];
  /** Log length each draw showed. */
  logLength: number[];
  /** ms each draw took. */
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

export function recordDraw(logLength: number, startedAt: number): void {
  if (!frameLog) return;
  const now = performance.now();
  frameLog.drawnAt.push(performance.timeOrigin + now);
  frameLog.logLength.push(logLength);
  frameLog.drawMs.push(now - startedAt);
}

export function recordArrival(logLength: number): void {
  if (!frameLog) return;
  frameLog.arrivedAt.push(performance.timeOrigin + performance.now());
  frameLog.arrivedLength.push(logLength);
}
