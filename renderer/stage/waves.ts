/**
 * The boss's workers in rounds ("tandas"), as the run shows them: a worker
 * the boss hires once every worker it hired before has finished starts a new
 * round. All-cores: one worker, then one per core; blocking: the client of
 * the blocked server, then the forked variant's client and its heavy worker;
 * worker-threads: the boss's Worker threads, then its forked helpers. A
 * worker's own children stay in its round. Pure.
 */
import type { WorkerView } from './derive';
import { BOSS_KEY } from './model-types';

export interface Wave {
  /** Index of its first worker in slot order, and how many slots it takes (children included). */
  first: number;
  slots: number;
  /** The boss's own workers (child processes) in it. */
  workers: number;
  /** The boss's own Worker threads in it: counted apart, a thread is no worker process. */
  threads: number;
}

/** When a worker was done: exited, gone, or failed to start. */
function endOf(w: WorkerView): number | null {
  const p = w.process;
  return p.exitedAt ?? p.goneAt ?? (w.status === 'failed' ? (p.error?.t ?? null) : null);
}

/**
 * The rounds of `order` (workers in slot order: each followed by its descendants), or null
 * when rounds say nothing: fewer than two, or none with two workers (or threads) of the boss at once.
 */
export function workerWaves(order: readonly WorkerView[]): Wave[] | null {
  const waves: Wave[] = [];
  // Of the current round: whether one of its workers is still at work, and when the last one finished.
  let working = false;
  let lastEnd = -Infinity;
  order.forEach((w, i) => {
    if (w.parentKey !== BOSS_KEY) {
      if (waves.length) waves[waves.length - 1].slots++;
      return;
    }
    if (!waves.length || (!working && w.process.bornAt >= lastEnd)) {
      waves.push({ first: i, slots: 0, workers: 0, threads: 0 });
      working = false;
      lastEnd = -Infinity;
    }
    const wave = waves[waves.length - 1];
    wave.slots++;
    if (w.kind === 'thread') wave.threads++;
    else wave.workers++;
    const end = endOf(w);
    if (end === null) working = true;
    else lastEnd = Math.max(lastEnd, end);
  });
  return waves.length >= 2 && waves.some((w) => w.workers + w.threads >= 2) ? waves : null;
}
