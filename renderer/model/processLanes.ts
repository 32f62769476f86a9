import type { ProcessRecord } from './processRecord';

/** One row of the timeline: a process, indented under its parent. */
export interface ProcessLane {
  pid: number;
  depth: number;
  record: ProcessRecord;
}

function startOf(record: ProcessRecord): number {
  return record.spawnT ?? record.firstT;
}

/**
 * The lanes in tree order: each process right under its parent, siblings in
 * the order they started. A process whose parent is not in the run (the boss,
 * or an orphan re-parented away) is a root.
 */
export function deriveLanes(processes: ReadonlyMap<number, ProcessRecord>): ProcessLane[] {
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
    for (const child of (children.get(record.pid) ?? []).sort(byStart)) visit(child, depth + 1);
  };
  roots.sort((a, b) => (a.kind === 'boss' ? -1 : b.kind === 'boss' ? 1 : byStart(a, b)));
  for (const root of roots) visit(root, 0);
  // Processes caught in a ppid cycle have no root: show them anyway.
  for (const record of processes.values()) if (!placed.has(record.pid)) visit(record, 0);
  return lanes;
}
