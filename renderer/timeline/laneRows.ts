import type { ProcessLane } from '../model/processLanes';
import { lifetimeOf } from '../model/processRecord';
import { threadKey } from '../model/threadIndex';

/** The row of each process's lane (by pid) and of each Worker thread's (by threadKey). */
export function laneRows(lanes: readonly ProcessLane[]): { rowOf: Map<number, number>; threadRowOf: Map<string, number> } {
  const rowOf = new Map<number, number>();
  const threadRowOf = new Map<string, number>();
  lanes.forEach((lane, row) => {
    if (lane.tasks) return;
    if (lane.thread) threadRowOf.set(threadKey(lane.pid, lane.thread.thread), row);
    else rowOf.set(lane.pid, row);
  });
  return { rowOf, threadRowOf };
}

/** The row of one end of a channel: a process's lane, or (thread ≥ 1) one of its threads'. */
export function rowOfEnd(rows: { rowOf: ReadonlyMap<number, number>; threadRowOf?: ReadonlyMap<string, number> }, pid: number, thread: number | undefined): number | undefined {
  return thread ? rows.threadRowOf?.get(threadKey(pid, thread)) : rows.rowOf.get(pid);
}

/** The row of the callback track of `pid`'s thread `thread` (0: its main thread). */
export function taskRowOf(lanes: readonly ProcessLane[], pid: number, thread: number): number | undefined {
  const row = lanes.findIndex((lane) => lane.tasks !== undefined && lane.pid === pid && lane.tasks.thread === thread);
  return row < 0 ? undefined : row;
}

/** When a lane's process or thread began, and when it ended. */
export function laneLifetime(lane: ProcessLane): { start: number; exit: number | null; close: number | null } {
  if (!lane.thread) return lifetimeOf(lane.record);
  return { start: lane.thread.startT, exit: lane.thread.exitT, close: null };
}
