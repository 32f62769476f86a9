/**
 * The timeline's visible time window and the moves that change it: zoom around
 * a point, pan, fit. Pure: the store keeps the window, inputs call these.
 */
export interface TimeWindow {
  /** µs since the run started at the left edge. */
  start: number;
  /** µs at the right edge. */
  end: number;
}

/** Never closer than 5 µs across the whole width: below the clock's useful resolution. */
export const MIN_SPAN_US = 5;
/** An empty run still shows one second of axis. */
export const EMPTY_RUN_SPAN_US = 1_000_000;

/** The window that shows a whole run of `duration` µs, with a little air on the right. */
export function fitWindow(duration: number): TimeWindow {
  const span = Math.max(duration * 1.04, duration + 50, duration > 0 ? MIN_SPAN_US : EMPTY_RUN_SPAN_US);
  return { start: 0, end: span };
}

/** Zoom by `factor` (< 1 zooms in) keeping the time under `anchor` where it is. */
export function zoomAround(window: TimeWindow, factor: number, anchor: number, duration: number): TimeWindow {
  const span = window.end - window.start;
  const maxSpan = fitWindow(duration).end * 1.5;
  const nextSpan = Math.min(Math.max(span * factor, MIN_SPAN_US), Math.max(maxSpan, MIN_SPAN_US));
  const ratio = span > 0 ? (anchor - window.start) / span : 0.5;
  return clampWindow({ start: anchor - ratio * nextSpan, end: anchor - ratio * nextSpan + nextSpan }, duration);
}

/** Move the window by `delta` µs (positive = later). */
export function panBy(window: TimeWindow, delta: number, duration: number): TimeWindow {
  return clampWindow({ start: window.start + delta, end: window.end + delta }, duration);
}

/** Keep the window inside [0, the end of the run + a margin], its span unchanged where possible. */
export function clampWindow(window: TimeWindow, duration: number): TimeWindow {
  const span = window.end - window.start;
  const limit = Math.max(fitWindow(duration).end, span);
  let start = Math.max(0, window.start);
  if (start + span > limit) start = Math.max(0, limit - span);
  return { start, end: start + span };
}

/** A window of the same span that ends at `t` (live follow with a chosen zoom). */
export function windowEndingAt(window: TimeWindow, t: number): TimeWindow {
  const span = window.end - window.start;
  const end = Math.max(t + span * 0.04, span);
  return { start: end - span, end };
}
