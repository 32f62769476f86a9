/**
 * Measurement hooks for the renderer benchmark (bench/renderer.bench.cjs),
 * present only when the page is opened with `perf` in its query string: each
 * timeline draw records when it happened and how much of the log it showed,
 * so the benchmark can tell how long an event took from the child to the screen.
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
}

declare global {
  interface Window {
    __obraFrames?: FrameLog;
  }
}

/** The page was opened with `perf` in its query string (the benchmark does): measurement is on. */
export const perfEnabled = typeof location !== 'undefined' && new URLSearchParams(location.search).has('perf');

export const frameLog: FrameLog | null = perfEnabled ? { drawnAt: [], logLength: [], drawMs: [], arrivedAt: [], arrivedLength: [] } : null;
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
