import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { toChromeTrace } from './trace';
import { checkTrace } from './trace-check';
import { threadTid } from './trace-threads';

// A boss (100) with two Worker threads, each sent message #1 and answering with its own #1:
// four messages numbered #1, joined within their own pair of threads only.
const BOSS = 100;
const msg = (t: number, dir: 'send' | 'recv', fromThread: number, toThread: number): LabEvent => ({
  type: 'message', t, pid: BOSS, dir, from: BOSS, to: BOSS, fromThread, toThread, seq: 1, bytes: 4, preview: `${fromThread}>${toThread}`,
  ...((dir === 'send' ? fromThread : toThread) ? { threadId: dir === 'send' ? fromThread : toThread } : {}),
});
const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: BOSS, runId: 'r', script: '/demo/index.js', argv: [], cwd: '/demo', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'thread', t: 100, pid: BOSS, state: 'start', thread: 1, file: '/demo/helper.js', source: null },
  { type: 'thread', t: 110, pid: BOSS, state: 'start', thread: 2, file: '/demo/helper.js', source: null },
  { type: 'thread', t: 300, pid: BOSS, state: 'online', thread: 1 },
  { type: 'thread', t: 320, pid: BOSS, state: 'online', thread: 2 },
  msg(400, 'send', 0, 1), msg(410, 'recv', 0, 1), msg(500, 'send', 0, 2), msg(520, 'recv', 0, 2),
  msg(600, 'send', 1, 0), msg(650, 'recv', 1, 0), msg(700, 'send', 2, 0), msg(720, 'recv', 2, 0),
  { type: 'sample', t: 800, pid: BOSS, threadId: 2, elu: 1, interval: 400 },
  { type: 'error', t: 850, pid: BOSS, threadId: 2, where: 'uncaught', name: 'Error', code: null, message: 'boom' },
  { type: 'thread', t: 900, pid: BOSS, state: 'exit', thread: 1, code: 0 },
  { type: 'thread', t: 910, pid: BOSS, state: 'exit', thread: 2, code: 1 },
  { type: 'exit', t: 1000, pid: BOSS, childId: 'boss', code: 0, signal: null },
  { type: 'run-end', t: 1000, pid: BOSS, reason: 'exit', code: 0, signal: null },
];

describe('Worker threads in the Chrome trace', () => {
  const trace = toChromeTrace(log);
  const t1 = threadTid(BOSS, 1);
  const t2 = threadTid(BOSS, 2);

  it('are threads of their process, named, each with its life as nested slices, passing every check Perfetto needs', () => {
    expect(checkTrace(trace)).toEqual([]);
    const names = trace.traceEvents.filter((e) => e.name === 'thread_name' && e.pid === BOSS).map((e) => [e.tid, e.args?.name]);
    expect(names).toEqual([[BOSS, 'event loop'], [t1, 'Worker thread 1 (helper.js)'], [t2, 'Worker thread 2 (helper.js)']]);
    const life = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'lifetime' && e.tid === t2).map((e) => [e.name, e.ts, e.dur]);
    expect(life).toEqual([['starting (new Worker → online)', 110, 210], ['running → exit 1', 320, 590]]);
  });

  it('join each message within its own pair of threads, from the sender thread to the receiver thread', () => {
    const slices = trace.traceEvents.filter((e) => e.cat === 'ipc');
    const flows = new Map<number, number[]>();
    for (const s of slices) if (s.bind_id !== undefined) flows.set(s.bind_id, [...(flows.get(s.bind_id) ?? []), s.tid as number]);
    expect([...flows.values()].sort()).toEqual([[BOSS, t1], [BOSS, t2], [t1, BOSS], [t2, BOSS]].sort());
  });

  it("puts a thread's uncaught error on its row, and its load in a counter of its own", () => {
    expect(trace.traceEvents.find((e) => e.cat === 'error')?.tid).toBe(t2);
    expect(trace.traceEvents.find((e) => e.ph === 'C' && e.name.includes('thread 2'))?.tid).toBe(BOSS);
  });
});
