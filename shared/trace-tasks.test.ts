import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { toChromeTrace } from './trace';
import { checkTrace } from './trace-check';
import { threadTid } from './trace-threads';

const BOSS = 100;
// The event-loop demo's shape, with a thread and two coalesced runs of callbacks that interleave.
const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: BOSS, runId: 'r', script: '/demo/index.js', argv: [], cwd: '/demo', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'task', t: 50, pid: BOSS, kind: 'other', dur: 20_000, label: 'main' },
  { type: 'task', t: 500_000, pid: BOSS, kind: 'timer', dur: 1_500_000, due: 499_000, label: 'setTimeout 500 ms', source: { file: '/demo/index.js', line: 63, column: 3 } },
  { type: 'task', t: 2_000_100, pid: BOSS, kind: 'timer', dur: 300, due: 600_000, label: 'setTimeout 100 ms' },
  { type: 'task', t: 2_100_000, pid: BOSS, kind: 'ipc', dur: 9_000, count: 400, span: 40_000 },
  { type: 'task', t: 2_110_000, pid: BOSS, kind: 'immediate', dur: 2_000, count: 300, span: 50_000 },
  { type: 'thread', t: 2_200_000, pid: BOSS, state: 'start', thread: 1, file: '/demo/helper.js', source: null },
  { type: 'thread', t: 2_300_000, pid: BOSS, state: 'online', thread: 1 },
  { type: 'task', t: 2_300_500, pid: BOSS, threadId: 1, kind: 'other', dur: 3_000, label: 'main' },
  { type: 'thread', t: 2_400_000, pid: BOSS, state: 'exit', thread: 1, code: 0 },
  { type: 'exit', t: 3_000_000, pid: BOSS, childId: 'boss', code: 0, signal: null },
  { type: 'run-end', t: 3_000_100, pid: BOSS, reason: 'exit', code: 0, signal: null },
];

describe('callbacks in the Chrome trace', () => {
  const trace = toChromeTrace(log);
  const callbacks = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat?.startsWith('callback.'));

  it('a slice per callback on its thread, named by its label, nested as Perfetto needs', () => {
    expect(checkTrace(trace)).toEqual([]);
    expect(callbacks.filter((e) => e.tid === BOSS).map((e) => [e.name, e.cat])).toEqual([
      ['main script', 'callback.other'],
      ['timer: setTimeout 500 ms', 'callback.timer'],
      ['timer: setTimeout 100 ms', 'callback.timer'],
      ['400 ipc callbacks', 'callback.ipc'],
      ['300 immediate callbacks', 'callback.immediate'],
    ]);
    expect(callbacks.filter((e) => e.tid === threadTid(BOSS, 1)).map((e) => e.name)).toEqual(['main script']);
  });

  it("a timer's due time and lateness, a run's count and total time, in args; interleaved runs start where the last ended", () => {
    const late = callbacks.find((e) => e.name === 'timer: setTimeout 100 ms')!;
    expect(late.args).toMatchObject({ kind: 'timer', due: 600_000, late: 1_400_100, ran: 300 });
    const sum = callbacks.find((e) => e.name === 'timer: setTimeout 500 ms')!;
    expect([sum.ts, sum.dur]).toEqual([500_000, 1_500_000]);
    expect(sum.args?.source).toEqual({ file: '/demo/index.js', line: 63, column: 3 });
    const ipc = callbacks.find((e) => e.name === '400 ipc callbacks')!;
    const immediate = callbacks.find((e) => e.name === '300 immediate callbacks')!;
    expect([ipc.ts, ipc.dur, ipc.args?.ran, ipc.args?.count]).toEqual([2_100_000, 40_000, 9_000, 400]);
    expect([immediate.ts, immediate.dur]).toEqual([2_140_000, 20_000]);
  });
});
