/**
 * The boss's workers in rounds ("tandas"), as the run shows them: a worker
 * the boss hires once every worker it hired before has finished starts a new
 * round. All-cores: one worker, then one per core; blocking: the client of
 * the blocked server, then the forked variant's client and its heavy worker.
 * A worker's own children stay in its round. Pure.
 */
import type { WorkerView } from './derive';
import { BOSS_KEY } from './model-types';

export interface Wave {
  /** Index of its first worker in slot order, and how many slots it takes (children included). */
  first: number;
  slots: number;
  /** The boss's own workers in it. */
  workers: number;
}

/** When a worker was done: exited, gone, or failed to start. */
function endOf(w: WorkerView): number | null {
  const p = w.process;
  return p.exitedAt ?? p.goneAt ?? (w.status === 'failed' ? (p.error?.t ?? null) : null);
}

/**
 * The rounds of `order` (workers in slot order: each followed by its descendants), or null
 * when rounds say nothing: fewer than two, or none with two workers of the boss at once.
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
      waves.push({ first: i, slots: 0, workers: 0 });
      working = false;
      lastEnd = -Infinity;
    }
    const wave = waves[waves.length - 1];
    wave.slots++;
    wave.workers++;
    const end = endOf(w);
    if (end === null) working = true;
    else lastEnd = Math.max(lastEnd, end);
  });
  return waves.length >= 2 && waves.some((w) => w.workers >= 2) ? waves : null;
}
