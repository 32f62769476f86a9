/**
 * When a process found by OS sampling (the `sleep` under exec's shell) began,
 * as far as the log can tell: a sample finds it up to one sampling interval
 * after it started, so its `os-process` event comes late — after output that
 * it came before. Its start is taken as the earliest moment it can have
 * begun: the last OS sample before the one that found it, but never before
 * its parent began (a spawn's time is exact; a sampled parent's is found the
 * same way). A pid the program spawned itself (exec's shell) began at its spawn.
 * Pure; used so a lesson tells such a process in the order of the run.
 */
import type { LabEvent } from './events';

/** Run time (µs) each `os-process` 'seen' event of the log stands for. */
export function sampledStarts(log: readonly LabEvent[]): Map<LabEvent, number> {
  const spawnT = new Map<number, number>();
  const seen = new Map<number, LabEvent>();
  const ticks: number[] = [];
  let bossPid: number | null = null;
  for (const e of log) {
    if (e.type === 'run-start') bossPid = e.pid;
    else if (e.type === 'spawn' && e.pid !== null) spawnT.set(e.pid, e.t);
    else if (e.type === 'os-process' && e.state === 'seen' && e.pid !== null && !seen.has(e.pid)) seen.set(e.pid, e);
    // OS samples carry cpu and no elu; a probe's own samples always carry elu (its main thread's carry cpu too):
    // only a look at the process table can say a process was not there yet.
    else if (e.type === 'sample' && e.cpu !== undefined && e.elu === undefined) ticks.push(e.t);
  }
  ticks.sort((a, b) => a - b);
  const out = new Map<LabEvent, number>();
  const startOf = (pid: number, depth: number): number => {
    if (pid === bossPid) return 0;
    const spawned = spawnT.get(pid);
    if (spawned !== undefined) return spawned;
    const e = seen.get(pid);
    if (!e || e.type !== 'os-process') return 0;
    const known = out.get(e);
    if (known !== undefined) return known;
    const parent = depth < 16 ? startOf(e.ppid, depth + 1) : 0;
    const t = Math.min(e.t, Math.max(parent, tickBefore(ticks, e.t)));
    out.set(e, t);
    return t;
  };
  for (const e of log) {
    if (e.type === 'os-process' && e.state === 'seen' && e.pid !== null) out.set(e, seen.get(e.pid) === e ? startOf(e.pid, 0) : e.t);
  }
  return out;
}

/** The last tick strictly before t (0 if none). */
function tickBefore(ticks: readonly number[], t: number): number {
  let lo = 0;
  let hi = ticks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ticks[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? ticks[lo - 1] : 0;
}
