/**
 * Stopping a run's whole tree: SIGTERM to the boss's group and to every
 * process of the run found outside it, SIGKILL one second later to whatever
 * remains, and done only when a look at the OS finds nothing left.
 */
import type { TreeKiller } from './tree-killer';

export interface StopTreeOptions {
  /** The boss's pid, which is also its process group's id. */
  group: number;
  killer: TreeKiller;
  /** Every process of the run still alive, looked up afresh on each call. */
  survivors: () => number[];
  /** Ends every process of the run at once where the OS can (a cgroup), before the one-by-one SIGKILLs. */
  killAll?: () => void;
  /** How long SIGTERM has before SIGKILL. */
  termGraceMs?: number;
  /** How long SIGKILL has before we give up and report survivors. */
  killGraceMs?: number;
}

const LOOK_EVERY_MS = 20;

/** Resolves with the pids that could not be ended ([] when the tree is gone). */
export async function stopTree(o: StopTreeOptions): Promise<number[]> {
  const termUntil = Date.now() + (o.termGraceMs ?? 1000);
  const signalled = new Set<number>();
  let left = o.survivors();
  o.killer.signal(o.group, left, 'SIGTERM');
  for (const pid of left) signalled.add(pid);
  for (;;) {
    await sleep(LOOK_EVERY_MS);
    left = o.survivors();
    if (!left.length) return [];
    if (Date.now() >= termUntil) break;
    // Started since the last look (a fork racing the signal): SIGTERM them too, once.
    const fresh = left.filter((pid) => !signalled.has(pid));
    if (fresh.length) o.killer.signal(null, fresh, 'SIGTERM');
    for (const pid of fresh) signalled.add(pid);
  }
  const killUntil = Date.now() + (o.killGraceMs ?? 3000);
  for (;;) {
    o.killAll?.();
    o.killer.signal(o.group, left, 'SIGKILL');
    await sleep(LOOK_EVERY_MS);
    left = o.survivors();
    if (!left.length || Date.now() >= killUntil) return left;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether `promise` settled within `ms`; the timer is cleared either way (it keeps no process alive). */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}
