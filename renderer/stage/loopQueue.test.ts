import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { RunLog } from '../model/runLog';
import { LoopQueueIndex } from './loopQueue';

const BOSS = 10;
const WORKER = 11;
const msg = (t: number, dir: 'send' | 'recv', seq: number, count = 1): LabEvent => ({
  type: 'message', t, pid: dir === 'send' ? WORKER : BOSS, dir, from: WORKER, to: BOSS, seq, bytes: 10, preview: '{}', ...(count > 1 ? { count, firstSeq: seq - count + 1, lastSeq: seq } : {}),
});

describe("a process's queue of callbacks at the playhead", () => {
  // The boss blocks for 1.5 s in a timer; a 100 ms timer falls due meanwhile; a worker sends 3 messages during the block.
  const log: LabEvent[] = [
    { type: 'task', t: 0, pid: BOSS, kind: 'other', dur: 10_000, label: 'main' },
    { type: 'task', t: 500_000, pid: BOSS, kind: 'timer', dur: 1_500_000, due: 500_000, label: 'setTimeout 500 ms' },
    msg(800_000, 'send', 1),
    msg(900_000, 'send', 3, 2),
    { type: 'task', t: 2_000_100, pid: BOSS, kind: 'timer', dur: 300, due: 600_000, label: 'setTimeout 100 ms' },
    { type: 'task', t: 2_000_500, pid: BOSS, kind: 'ipc', dur: 800, label: 'message' },
    msg(2_000_600, 'recv', 3, 3),
  ];
  const index = new LoopQueueIndex();
  index.update(log);

  it('grows while the loop is blocked: the running callback on top, the due timer and the messages waiting behind it', () => {
    const q = index.at(BOSS, 1_000_000)!;
    expect(q.running).toMatchObject({ state: 'running', kind: 'timer', label: 'setTimeout 500 ms', for: 500_000 });
    expect(q.waiting.map((c) => [c.kind, c.label, c.count, c.for])).toEqual([
      ['timer', 'setTimeout 100 ms', 1, 400_000],
      ['ipc', null, 3, 0],
    ]);
  });

  it('drains when the loop is free: the late timer runs, the messages are delivered, nothing waits', () => {
    expect(index.at(BOSS, 2_000_200)).toMatchObject({ running: { label: 'setTimeout 100 ms' } });
    expect(index.at(BOSS, 2_000_200)!.waiting.map((c) => c.count)).toEqual([3]);
    expect(index.at(BOSS, 2_100_000)).toEqual({ running: null, waiting: [] });
    expect(index.at(BOSS, 550_000)!.waiting).toEqual([]);
  });

  it('only for processes whose callbacks were recorded; a new log starts over', () => {
    expect(index.at(WORKER, 1_000_000)).toBeNull();
    index.update(log.slice(0, 1));
    expect(index.at(BOSS, 1_000_000)).toEqual({ running: null, waiting: [] });
  });

  it("reads the run's own index of callbacks when given it, with the same answers, and grows with it", () => {
    const run = new RunLog('r1');
    const shared = new LoopQueueIndex();
    run.append(log.slice(0, 4));
    shared.update(run.events, run.index.tasks);
    expect(shared.at(BOSS, 1_000_000)!.running).toMatchObject({ label: 'setTimeout 500 ms' });
    run.append(log.slice(4));
    shared.update(run.events, run.index.tasks);
    const own = new LoopQueueIndex();
    own.update(log);
    for (const t of [0, 550_000, 1_000_000, 2_000_200, 2_100_000]) expect(shared.at(BOSS, t)).toEqual(own.at(BOSS, t));
    expect(shared.at(WORKER, 1_000_000)).toBeNull();
  });
});
