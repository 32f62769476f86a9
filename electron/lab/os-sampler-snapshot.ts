/**
 * A snapshot of a process table that comes whole (one `ps` run, one system
 * call): processes by pid, children by parent pid.
 */
import type { OsProcess, ProcessSnapshot } from './process-table';

export function snapshotOf(processes: Iterable<OsProcess>): ProcessSnapshot {
  const byPid = new Map<number, OsProcess>();
  for (const p of processes) byPid.set(p.pid, p);
  let children: Map<number, number[]> | null = null;
  return {
    read: (pid) => byPid.get(pid) ?? null,
    childrenOf(pid) {
      children ??= childrenByParent(byPid);
      return children.get(pid) ?? [];
    },
    allPids: () => [...byPid.keys()],
  };
}

/**
 * Children by parent pid. A child older than the process now holding its
 * parent's pid is not its child: Windows never re-parents, so a child keeps
 * the pid of a parent that died, and that pid may since have gone to another
 * process.
 */
function childrenByParent(byPid: Map<number, OsProcess>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const p of byPid.values()) {
    const parent = byPid.get(p.ppid);
    if (!parent || p.pid === p.ppid || p.startTicks < parent.startTicks) continue;
    const list = out.get(p.ppid);
    if (list) list.push(p.pid);
    else out.set(p.ppid, [p.pid]);
  }
  return out;
}
