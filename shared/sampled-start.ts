/**
 * When a process found by OS sampling (the `sleep` under exec's shell) began,
 * as far as the log can tell: a sample finds it up to one sampling interval
 * after it started, so its `os-process` event comes late — after output that
 * it came before. Its start is taken as the earliest moment it can have
 * begun: the last OS sample before the one that found it, but never before
 * its parent began (a spawn's time is exact; a sampled parent's is found the
 * same way). A pid the program spawned itself (exec's shell) began at its
 * spawn — or when a sample saw it, if that came before the spawn call
 * returned — and never before its call.
 * A process seen again under a new name (it exec'd: the shell's fork that
 * becomes `sleep`, Node's fork that becomes `/bin/sh`) is the same process:
 * that sighting too stands for when the process began, not for when a
 * sample caught the new name (which can be after output it came before).
 * Pure; used so a lesson tells such a process in the order of the run.
 */
import type { LabEvent } from './events';
import { isProbeSample } from './sample-figures';

/** Run time (µs) each `os-process` 'seen' event of the log stands for. */
export function sampledStarts(log: readonly LabEvent[]): Map<LabEvent, number> {
  const spawnT = new Map<number, number>();
  const callT = new Map<string, number>();
  /** A spawned pid's call: the child began after it. */
  const calledAt = new Map<number, number>();
  const seen = new Map<number, LabEvent>();
  const ticks: number[] = [];
  let bossPid: number | null = null;
  for (const e of log) {
    if (e.type === 'run-start') bossPid = e.pid;
    else if (e.type === 'call') callT.set(e.childId, e.t);
    else if (e.type === 'spawn' && e.pid !== null) {
      spawnT.set(e.pid, e.t);
      const call = callT.get(e.childId);
      if (call !== undefined) calledAt.set(e.pid, call);
    } else if (e.type === 'os-process' && e.state === 'seen' && e.pid !== null && !seen.has(e.pid)) seen.set(e.pid, e);
    // The OS's polls are the ticks: a probe's sample (it has elu, and cpu too) comes at its own
    // process's pace, in between, and says nothing of which processes exist.
    else if (e.type === 'sample' && !isProbeSample(e)) ticks.push(e.t);
  }
  ticks.sort((a, b) => a - b);
  const out = new Map<LabEvent, number>();
  const startOf = (pid: number, depth: number): number => {
    if (pid === bossPid) return 0;
    const e = seen.get(pid);
    const spawned = spawnT.get(pid);
    // A sample can catch the child before its parent's spawn call returns (and is reported); the
    // sample's time is taken as its poll begins, so it may even seem to come before the call.
    if (spawned !== undefined) return e ? Math.min(spawned, Math.max(e.t, (calledAt.get(pid) ?? -1) + 1)) : spawned;
    if (!e || e.type !== 'os-process') return 0;
    const known = out.get(e);
    if (known !== undefined) return known;
    const parent = depth < 16 ? startOf(e.ppid, depth + 1) : 0;
    const t = Math.min(e.t, Math.max(parent, tickBefore(ticks, e.t)));
    out.set(e, t);
    return t;
  };
  for (const e of log) {
    if (e.type !== 'os-process' || e.state !== 'seen' || e.pid === null) continue;
    out.set(e, seen.get(e.pid) === e ? startOf(e.pid, 0) : Math.min(e.t, startOf(e.pid, 0)));
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
