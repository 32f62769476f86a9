import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { findSend } from './ipcChannels';
import { RunLog } from './runLog';

// A boss (100) starts thread 1, which starts thread 2; thread 1 talks with the main thread,
// thread 2 with thread 1; thread 2 throws; thread 1's loop is sampled. Then the boss forks 101.
const msg = (t: number, pid: number, dir: 'send' | 'recv', fromThread: number, toThread: number, seq: number, threadId?: number): LabEvent => ({
  type: 'message', t, pid, dir, from: pid, to: pid, fromThread, toThread, seq, bytes: 9, preview: '{"n":1}', ...(threadId ? { threadId } : {}),
});
const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 100, runId: 'r', script: '/boss.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'thread', t: 1_000, pid: 100, state: 'start', thread: 1, file: '/demo/helper.js', source: null },
  { type: 'thread', t: 3_000, pid: 100, state: 'online', thread: 1 },
  msg(3_500, 100, 'send', 0, 1, 1),
  msg(3_600, 100, 'recv', 0, 1, 1, 1),
  { type: 'thread', t: 4_000, pid: 100, threadId: 1, state: 'start', thread: 2, file: '[worker eval]', source: null },
  { type: 'sample', t: 5_000, pid: 100, threadId: 1, elu: 0.97, interval: 40_000 },
  msg(6_000, 100, 'send', 2, 1, 1, 2),
  msg(6_100, 100, 'recv', 2, 1, 1, 1),
  { type: 'error', t: 6_500, pid: 100, threadId: 2, where: 'uncaught', name: 'Error', code: null, message: 'boom' },
  { type: 'thread', t: 7_000, pid: 100, threadId: 1, state: 'exit', thread: 2, code: 1 },
  { type: 'call', t: 7_500, pid: 100, api: 'fork', childId: '100:1', command: '/w.js', args: [], options: {}, source: null },
  { type: 'spawn', t: 8_000, pid: 101, childId: '100:1', ppid: 100 },
  { type: 'thread', t: 9_000, pid: 100, state: 'exit', thread: 1, code: 0 },
];

function indexOf(events: LabEvent[], batch: number) {
  const run = new RunLog('r');
  for (let i = 0; i < events.length; i += batch) run.append(events.slice(i, i + batch));
  return run.index;
}

describe('Worker threads in the run index', () => {
  it('gives each thread a lane under its process, under the thread that created it, before the child processes', () => {
    const index = indexOf(log, 100);
    expect(index.lanes().map((l) => [l.pid, l.thread?.thread ?? null, l.depth])).toEqual([
      [100, null, 0],
      [100, 1, 1],
      [100, 2, 2],
      [101, null, 1],
    ]);
    expect(indexOf(log, 1).lanes().map((l) => [l.pid, l.thread?.thread ?? null, l.depth])).toEqual(index.lanes().map((l) => [l.pid, l.thread?.thread ?? null, l.depth]));
    expect(index.threads.byKey.get('100:1')).toMatchObject({ parentThread: 0, file: '/demo/helper.js', startT: 1_000, onlineT: 3_000, exitT: 9_000, exitCode: 0, messagesSent: 0, messagesReceived: 2 });
    expect(index.threads.byKey.get('100:2')).toMatchObject({ parentThread: 1, onlineT: null, exitCode: 1, messagesSent: 1 });
  });

  it("keeps a thread's samples and errors on its lane, not its process's", () => {
    const index = indexOf(log, 100);
    const boss = index.processes.get(100)!;
    expect(boss.eluSamples.length).toBe(0);
    expect(boss.markers.length).toBe(0);
    expect(index.threads.byKey.get('100:1')!.eluSamples.length).toBe(1);
    expect(index.threads.byKey.get('100:2')!.markers.length).toBe(1);
    expect(index.counters.errors).toBe(1);
  });

  it('joins messages between threads per pair of threads and direction, apart from IPC channels', () => {
    const index = indexOf(log, 100);
    expect([...index.channels.byKey.keys()].sort()).toEqual(['100.0>100.1', '100.2>100.1']);
    const down = index.channels.byKey.get('100.0>100.1')!;
    expect(down).toMatchObject({ from: 100, to: 100, fromThread: 0, toThread: 1 });
    expect(findSend(down, 1)).toBe(0);
    expect(index.counters.messages).toBe(2);
  });
});
