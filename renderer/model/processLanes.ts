import type { ProcessRecord } from './processRecord';
import type { TaskIndex, TaskTrack } from './taskIndex';
import type { ThreadIndex, ThreadRecord } from './threadIndex';

/** One row of the timeline: a process, indented under its parent; or one of its Worker threads, under it. */
export interface ProcessLane {
  pid: number;
  depth: number;
  record: ProcessRecord;
  /** This lane is a Worker thread of `record`'s process, nested under the thread that created it. */
  thread?: ThreadRecord;
  /** This lane is the callback track of the lane above it (the process's main thread, or `thread`). */
  tasks?: TaskTrack;
}

function startOf(record: ProcessRecord): number {
  return record.spawnT ?? record.firstT;
}

/**
 * The lanes in tree order: each process right under its parent, siblings in
 * the order they started; a process's Worker threads right under it, before
 * its children (a thread under the thread that created it). A process whose
 * parent is not in the run (the boss, or an orphan re-parented away) is a root.
 */
export function deriveLanes(processes: ReadonlyMap<number, ProcessRecord>, threads?: ThreadIndex, tasks?: TaskIndex): ProcessLane[] {
  const children = new Map<number, ProcessRecord[]>();
  const roots: ProcessRecord[] = [];
  for (const record of processes.values()) {
    const parent = record.ppid;
    if (parent !== null && parent !== record.pid && processes.has(parent)) {
      const siblings = children.get(parent);
      if (siblings) siblings.push(record);
      else children.set(parent, [record]);
    } else {
      roots.push(record);
    }
  }
  const byStart = (a: ProcessRecord, b: ProcessRecord): number => startOf(a) - startOf(b) || a.pid - b.pid;
  const lanes: ProcessLane[] = [];
  const placed = new Set<number>();
  const visit = (record: ProcessRecord, depth: number): void => {
    if (placed.has(record.pid)) return; // a cycle in reported ppids must not loop forever
    placed.add(record.pid);
    lanes.push({ pid: record.pid, depth, record });
    pushTaskTrack(lanes, tasks?.track(record.pid, 0), record, depth);
    if (threads) pushThreads(lanes, record, threads.ofProcess(record.pid), depth, tasks);
    for (const child of (children.get(record.pid) ?? []).sort(byStart)) visit(child, depth + 1);
  };
  roots.sort((a, b) => (a.kind === 'boss' ? -1 : b.kind === 'boss' ? 1 : byStart(a, b)));
  for (const root of roots) visit(root, 0);
  // Processes caught in a ppid cycle have no root: show them anyway.
  for (const record of processes.values()) if (!placed.has(record.pid)) visit(record, 0);
  return lanes;
}

/** A process's threads, each under the thread that created it (0: the process's main thread, its own lane). */
function pushThreads(lanes: ProcessLane[], record: ProcessRecord, threads: readonly ThreadRecord[], depth: number, tasks?: TaskIndex): void {
  const known = new Set(threads.map((t) => t.thread));
  // A thread whose creator was never reported (it ran without the probe) hangs from the main thread.
  const parentOf = (t: ThreadRecord): number => (known.has(t.parentThread) ? t.parentThread : 0);
  const placed = new Set<number>();
  const visit = (parent: number, d: number): void => {
    for (const thread of threads) {
      if (parentOf(thread) !== parent || placed.has(thread.thread)) continue;
      placed.add(thread.thread);
      lanes.push({ pid: record.pid, depth: d, record, thread });
      pushTaskTrack(lanes, tasks?.track(record.pid, thread.thread), record, d, thread);
      visit(thread.thread, d + 1);
    }
  };
  visit(0, depth + 1);
}

/** A thread's callback track, right under its lane (when its loop's callbacks were recorded). */
function pushTaskTrack(lanes: ProcessLane[], track: TaskTrack | undefined, record: ProcessRecord, depth: number, thread?: ThreadRecord): void {
  if (track) lanes.push({ pid: record.pid, depth, record, tasks: track, ...(thread ? { thread } : {}) });
}
