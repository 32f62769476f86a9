import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { stageStateAt } from './model';
import { bossView, workersInOrder } from './derive';
import { BOSS, LogBuilder, ms } from '../../tests/fixtures/log-builder';

/** The boss starts two Worker threads; thread 1 gets a job and answers; thread 2 is busy, then ends. */
function threadsLog(): LabEvent[] {
  const b = new LogBuilder();
  const log = b.log;
  const msg = (t: number, dir: 'send' | 'recv', fromThread: number, toThread: number, threadId?: number): LabEvent => ({
    type: 'message', t: ms(t), pid: BOSS, dir, from: BOSS, to: BOSS, fromThread, toThread, seq: 1, bytes: 12, preview: '{}', ...(threadId ? { threadId } : {}),
  });
  log.push(
    { type: 'thread', t: ms(10), pid: BOSS, state: 'start', thread: 1, file: '/demo/helper.js', source: null },
    { type: 'thread', t: ms(12), pid: BOSS, state: 'start', thread: 2, file: '/demo/helper.js', source: null },
    { type: 'thread', t: ms(40), pid: BOSS, state: 'online', thread: 1 },
    { type: 'thread', t: ms(45), pid: BOSS, state: 'online', thread: 2 },
    msg(50, 'send', 0, 1),
    msg(51, 'recv', 0, 1, 1),
    msg(60, 'send', 1, 0, 1),
    msg(61, 'recv', 1, 0),
    { type: 'sample', t: ms(70), pid: BOSS, threadId: 2, elu: 1, interval: 50_000 },
    { type: 'sample', t: ms(70), pid: BOSS, elu: 0.05, interval: 50_000 },
    { type: 'thread', t: ms(300), pid: BOSS, state: 'exit', thread: 2, code: 0 },
  );
  return log;
}

describe('Worker threads on the stage', () => {
  const log = threadsLog();

  it('are figures of their own kind in the boss, named by threadId, starting until online', () => {
    const early = workersInOrder(stageStateAt(log, ms(20)), ms(20));
    expect(early.map((w) => [w.key, w.kind, w.pid, w.badge, w.parentKey, w.status, w.ownerKind])).toEqual([
      [`thread:${BOSS}:1`, 'thread', BOSS, 'Worker', 'boss', 'starting', 'boss'],
      [`thread:${BOSS}:2`, 'thread', BOSS, 'Worker', 'boss', 'starting', 'boss'],
    ]);
    expect(early[0].command).toBe('helper.js');
    expect(workersInOrder(stageStateAt(log, ms(41)), ms(41))[0].status).toBe('running');
  });

  it('exchange envelopes with the thread that created them, counted on the thread', () => {
    const state = stageStateAt(log, ms(62));
    const one = state.processes.get(`thread:${BOSS}:1`)!;
    expect([one.fromParent, one.toParent]).toEqual([{ sent: 1, received: 1 }, { sent: 1, received: 1 }]);
    expect(one.messages.map((m) => [m.from, m.to])).toEqual([['boss', `thread:${BOSS}:1`], [`thread:${BOSS}:1`, 'boss']]);
  });

  it("keep their own load: a busy thread works while the boss's loop idles", () => {
    const state = stageStateAt(log, ms(75));
    const [one, two] = workersInOrder(state, ms(75));
    expect(two.load).toBe(1);
    expect(one.load).toBeLessThan(0.15);
    expect(bossView(state, ms(75)).frozen).toBeNull();
  });

  it('plant their exit flag; a thread still running when its process ends ends with it', () => {
    const b = new LogBuilder();
    b.log.push(...threadsLog().slice(1));
    b.bossExit(400, 0);
    const [one, two] = workersInOrder(stageStateAt(b.log, ms(401)), ms(401));
    expect(two).toMatchObject({ status: 'exited', flag: { code: 0, ok: true }, pipesOpen: false });
    expect(one).toMatchObject({ status: 'gone', flag: null });
  });
});
