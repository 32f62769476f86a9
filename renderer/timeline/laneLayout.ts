/**
 * Vertical geometry of the timeline: lanes of fixed height (28 px; 48 px in
 * projector mode), and where inside a lane each mark goes.
 */
export interface LaneGeometry {
  height: number;
  /** Top and height of the lifetime bar inside the lane. */
  barTop: number;
  barHeight: number;
}

export function laneGeometry(height: number): LaneGeometry {
  const barHeight = Math.round(height * 0.5);
  return { height, barTop: Math.round((height - barHeight) / 2), barHeight };
}

export const LANE_HEIGHT = 28;
/** Lanes in projector mode: readable from the back of the room. */
export const PROJECTOR_LANE_HEIGHT = 48;
export const AXIS_HEIGHT = 28;

/** The time axis's height for labels of `fontPx` (timelineText): 28 px at the desk, taller for projector labels. */
export function axisHeight(fontPx: number): number {
  return Math.max(AXIS_HEIGHT, Math.round(fontPx * 1.8));
}

/** The lanes [first, last) that are at least partly inside a viewport of `viewHeight` scrolled by `scrollTop`. */
export function visibleLanes(count: number, laneHeight: number, scrollTop: number, viewHeight: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / laneHeight));
  const last = Math.min(count, Math.ceil((scrollTop + viewHeight) / laneHeight));
  return [first, Math.max(first, last)];
}

/** Height of an output tick for `bytes`: ∝ log₂(bytes), 1 MiB filling the room, a few bytes still seen. */
export function tickHeight(bytes: number, room: number): number {
  if (bytes <= 0) return 0;
  return Math.max(6, Math.min(room, (room * Math.log2(1 + bytes)) / 20));
}
