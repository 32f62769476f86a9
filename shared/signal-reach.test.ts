import { describe, expect, it } from 'vitest';
import type { KillEvent } from './events';
import { signalReach, type ProcessTree } from './signal-reach';

/** pid → [parent, born, ended (null: alive), detached] */
function treeOf(rows: Record<number, [number | null, number, number | null, boolean?]>): ProcessTree {
  return {
    pids: () => Object.keys(rows).map(Number),
    parentOf: (pid) => rows[pid]?.[0] ?? null,
    aliveAt: (pid, t) => rows[pid] !== undefined && rows[pid][1] <= t && (rows[pid][2] === null || (rows[pid][2] as number) >= t),
    leadsOwnGroup: (pid) => rows[pid]?.[3] === true,
  };
}

const kill = (target: number, extra: Partial<KillEvent> = {}): KillEvent => ({ type: 'kill', t: 100, pid: 1, target, signal: 'SIGTERM', code: null, source: null, ...extra });

describe('the processes a signal reached', () => {
  // 1 the boss; 2 a detached shell leading its group, with 3 and 4 under it; 5 detached again under 2; 6 already gone; 7 a child of the boss.
  const tree = treeOf({ 1: [null, 0, null], 2: [1, 10, null, true], 3: [2, 11, null], 4: [2, 11, null], 5: [2, 12, null, true], 6: [2, 11, 50], 7: [1, 20, null] });

  it('a pid: that process, if the run knows it', () => {
    expect(signalReach(kill(3), tree)).toEqual([3]);
    expect(signalReach(kill(99), tree)).toEqual([]);
  });

  it("a group: its leader and the leader's descendants alive then, not one that leads a group of its own", () => {
    expect(signalReach(kill(-2), tree).sort()).toEqual([2, 3, 4]);
  });

  it('signal 0, a call that threw, the own group and every process reach no lane', () => {
    expect(signalReach(kill(3, { signal: '0' }), tree)).toEqual([]);
    expect(signalReach(kill(3, { code: 'ESRCH' }), tree)).toEqual([]);
    expect(signalReach(kill(0), tree)).toEqual([]);
    expect(signalReach(kill(-1), tree)).toEqual([]);
  });
});
