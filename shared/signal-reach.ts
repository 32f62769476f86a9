/**
 * Which processes of the run a signal sent with `process.kill` reached, as far
 * as the log can tell. A pid: that process. A group (`-pgid`): its leader and
 * the leader's descendants alive then — a child starts in its parent's group,
 * and stays there unless it was started `detached` (then it leads a group of
 * its own, and so do its descendants). Signal 0 sends nothing, a call that
 * threw sent nothing, and the sender's own group (0) or every process (-1)
 * name no group the log knows: those reach no lane.
 */
import type { KillEvent } from './events';

/** What the reach needs to know of the run's processes at the signal's time. */
export interface ProcessTree {
  /** Every pid the run knows. */
  pids(): Iterable<number>;
  parentOf(pid: number): number | null;
  aliveAt(pid: number, t: number): boolean;
  /** Started with `detached`: the leader of a group of its own. */
  leadsOwnGroup(pid: number): boolean;
}

export function signalReach(kill: KillEvent, tree: ProcessTree): number[] {
  if (kill.code !== null || kill.signal === '0') return [];
  const known = new Set(tree.pids());
  if (kill.target > 0) return known.has(kill.target) ? [kill.target] : [];
  if (kill.target >= -1) return [];
  const leader = -kill.target;
  const reached: number[] = [];
  for (const pid of known) {
    if ((pid === leader || inGroupOf(pid, leader, tree)) && tree.aliveAt(pid, kill.t)) reached.push(pid);
  }
  return reached;
}

/** Whether `pid` descends from `leader` without crossing a process that leads its own group. */
function inGroupOf(pid: number, leader: number, tree: ProcessTree): boolean {
  let at = pid;
  for (let depth = 0; depth < 64; depth++) {
    if (tree.leadsOwnGroup(at)) return false;
    const parent = tree.parentOf(at);
    if (parent === null) return false;
    if (parent === leader) return true;
    at = parent;
  }
  return false;
}
