import type { ProcessLane } from '../model/processLanes';
import type { RunIndex } from '../model/runIndex';
import type { TickSeries } from '../model/tickSeries';
import { laneLifetime } from './laneRows';
import { tasksCrossing, type TaskTrack } from '../model/taskIndex';

export type HitKind = 'marker' | 'stderr' | 'stdout' | 'message' | 'lifetime' | 'task';

/** What is under the pointer on the timeline. */
export interface TimelineHit {
  kind: HitKind;
  pid: number;
  /** The event nearest the pointer (null on a bare lifetime bar). */
  eventIndex: number | null;
  /** Events and bytes within reach (many share a pixel when zoomed out). */
  count: number;
  bytes: number;
}

/** How far from the pointer an event still counts as under it, px. */
export const HIT_RADIUS_PX = 4;

function nearestIn(series: TickSeries, t: number, reach: number): { index: number; from: number; to: number } | null {
  const from = series.lowerBound(t - reach);
  const to = series.lowerBound(t + reach, from);
  if (to <= from) return null;
  const at = Math.min(Math.max(series.lowerBound(t, from), from), to - 1);
  const before = at > from ? at - 1 : at;
  const index = Math.abs(series.t[before] - t) < Math.abs(series.t[at] - t) ? before : at;
  return { index, from, to };
}

/**
 * The mark under the pointer on `lane` at time `t`, where one pixel is
 * `usPerPx` µs. Octagons win over output ticks, ticks over arrows' ends, and
 * any mark over the bare lifetime bar.
 */
export function hitTest(index: RunIndex, lane: ProcessLane, t: number, usPerPx: number, openEnd: number): TimelineHit | null {
  const reach = HIT_RADIUS_PX * usPerPx;
  const record = lane.record;
  if (lane.tasks) return taskHit(lane.tasks, record.pid, t, reach);
  const seriesHit = (kind: HitKind, series: TickSeries): TimelineHit | null => {
    const near = nearestIn(series, t, reach);
    if (!near) return null;
    return {
      kind,
      pid: record.pid,
      eventIndex: series.idx[near.index],
      count: series.sumCount(near.from, near.to),
      bytes: series.sumValue(near.from, near.to),
    };
  };
  // A thread's lane: its errors, its messages, its bar (its own thread, not its process's main one).
  const thread = lane.thread?.thread ?? 0;
  const direct = lane.thread
    ? seriesHit('marker', lane.thread.markers)
    : (seriesHit('marker', record.markers) ?? seriesHit('stderr', record.stderr) ?? seriesHit('stdout', record.stdout));
  if (direct) return direct;
  for (const channel of index.channels.byKey.values()) {
    const series =
      channel.from === record.pid && (channel.fromThread ?? 0) === thread ? channel.sends : channel.to === record.pid && (channel.toThread ?? 0) === thread ? channel.recvs : null;
    const hit = series && seriesHit('message', series);
    if (hit) return hit;
  }
  const life = laneLifetime(lane);
  const end = life.close ?? life.exit ?? openEnd;
  if (t >= life.start - reach && t <= end + reach) return { kind: 'lifetime', pid: record.pid, eventIndex: null, count: 0, bytes: 0 };
  return null;
}

/** The callback under the pointer on a callback track: the one running at `t`, else the nearest within reach. */
function taskHit(track: TaskTrack, pid: number, t: number, reach: number): TimelineHit | null {
  const [from, to] = tasksCrossing(track, t - reach, t + reach);
  let best = -1;
  let bestGap = Infinity;
  for (let i = from; i < to; i++) {
    const gap = t < track.start[i] ? track.start[i] - t : t > track.end[i] ? t - track.end[i] : 0;
    if (gap < bestGap || (gap === 0 && bestGap === 0)) {
      best = i;
      bestGap = gap;
    }
  }
  if (best < 0 || bestGap > reach) return null;
  return { kind: 'task', pid, eventIndex: track.idx[best], count: to - from, bytes: 0 };
}
