import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { toChromeTrace, type ChromeTrace, type TraceEvent } from './trace';
import { checkTrace } from './trace-check';

// A log shaped like a lab recording: a boss that forks a worker (IPC both ways,
// one direction coalesced under load), execs `sleep 1 | cat` (a shell, and a
// sleep only OS sampling saw), and execFiles a missing program.
const BOSS = 100;
const WORKER = 201;
const SHELL = 202;
const SLEEP = 203;
const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: BOSS, runId: 'r', script: '/demo/parent.js', argv: [], cwd: '/demo', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'call', t: 1000, pid: BOSS, api: 'fork', childId: '100:1', command: '/demo/fib.js', args: ['30', '/home/ana/data/input.txt', '/tmp'], options: {}, source: { file: '/demo/parent.js', line: 3, column: 1 } },
  { type: 'spawn', t: 1100, pid: WORKER, childId: '100:1', ppid: BOSS },
  { type: 'message', t: 2000, pid: BOSS, dir: 'send', from: BOSS, to: WORKER, seq: 1, bytes: 10, preview: '{"n":30}' },
  { type: 'message', t: 2050, pid: WORKER, dir: 'recv', from: BOSS, to: WORKER, seq: 1, bytes: 10, preview: '{"n":30}' },
  { type: 'message', t: 3000, pid: WORKER, dir: 'send', from: WORKER, to: BOSS, seq: 200, bytes: 2000, preview: '1', count: 200, firstSeq: 1, lastSeq: 200 },
  { type: 'message', t: 3100, pid: BOSS, dir: 'recv', from: WORKER, to: BOSS, seq: 150, bytes: 1500, preview: '1', count: 150, firstSeq: 1, lastSeq: 150 },
  { type: 'message', t: 3200, pid: BOSS, dir: 'recv', from: WORKER, to: BOSS, seq: 200, bytes: 500, preview: '1', count: 50, firstSeq: 151, lastSeq: 200 },
  { type: 'message', t: 3300, pid: WORKER, dir: 'send', from: WORKER, to: BOSS, seq: 201, bytes: 5, preview: 'bye', },
  { type: 'stdout', t: 3400, pid: WORKER, childId: '100:1', bytes: 4096, preview: 'fib', count: 3 },
  { type: 'exit', t: 4000, pid: WORKER, childId: '100:1', code: 0, signal: null },
  { type: 'close', t: 4000, pid: WORKER, childId: '100:1', code: 0, signal: null },
  { type: 'call', t: 5000, pid: BOSS, api: 'exec', childId: '100:2', command: 'sleep 1 | cat', args: [], options: { shell: '/bin/sh' }, source: null },
  { type: 'spawn', t: 5100, pid: SHELL, childId: '100:2', ppid: BOSS },
  { type: 'os-process', t: 5200, pid: SHELL, ppid: BOSS, command: 'sh', argv: ['/bin/sh', '-c', 'sleep 1 | cat'], state: 'seen' },
  { type: 'os-process', t: 5200, pid: SLEEP, ppid: SHELL, command: 'sleep', argv: ['sleep', '1'], state: 'seen' },
  { type: 'sample', t: 5200, pid: SLEEP, cpu: 0, rss: 1_800_000 },
  { type: 'sample', t: 5300, pid: BOSS, elu: 0.02, interval: 50_000 },
  { type: 'call', t: 6000, pid: BOSS, api: 'execFile', childId: '100:3', command: './missing', args: [], options: {}, source: null },
  { type: 'error', t: 6100, pid: null, where: 'child', childId: '100:3', name: 'Error', code: 'ENOENT', errno: -2, syscall: 'spawn ./missing', path: './missing', message: 'spawn ./missing ENOENT' },
  { type: 'close', t: 6200, pid: null, childId: '100:3', code: -2, signal: null },
  { type: 'exit', t: 7000, pid: SHELL, childId: '100:2', code: null, signal: 'SIGTERM' },
  { type: 'kill', t: 7050, pid: BOSS, target: SLEEP, signal: 'SIGTERM', code: null, source: { file: '/demo/parent.js', line: 9, column: 1 } },
  { type: 'os-process', t: 7100, pid: SLEEP, ppid: 1, command: 'sleep', argv: ['sleep', '1'], state: 'gone' },
  { type: 'close', t: 8000, pid: SHELL, childId: '100:2', code: null, signal: 'SIGTERM' },
  { type: 'stdout', t: 8500, pid: BOSS, childId: 'boss', bytes: 3, preview: 'ok\\n' },
  { type: 'exit', t: 9000, pid: BOSS, childId: 'boss', code: 0, signal: null },
  { type: 'close', t: 9100, pid: BOSS, childId: 'boss', code: 0, signal: null },
  { type: 'run-end', t: 9200, pid: BOSS, reason: 'exit', code: 0, signal: null },
];

const processNames = (trace: ChromeTrace) =>
  new Map(trace.traceEvents.filter((e) => e.name === 'process_name').map((e) => [e.pid, e.args!.name]));
const slices = (trace: ChromeTrace, pid: number, cat: string): TraceEvent[] =>
  trace.traceEvents.filter((e) => e.ph === 'X' && e.pid === pid && e.cat === cat);

describe('toChromeTrace', () => {
  const trace = toChromeTrace(log, { steps: [{ t: 1000, text: 'The boss hires a worker' }] });

  it('passes every check Perfetto needs (named, dur, nesting, flows)', () => {
    expect(checkTrace(trace)).toEqual([]);
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });

  it('names the boss, each child by its call, OS processes by command', () => {
    expect(processNames(trace)).toEqual(new Map<number, unknown>([
      [BOSS, 'boss: node parent.js'],
      [WORKER, 'fork: fib.js 30 input.txt /tmp'],
      [SHELL, 'exec: sleep 1 | cat'],
      [SLEEP, 'sleep 1'],
    ]));
  });

  it('draws lifetimes spawn → exit, then exit → close as a second slice', () => {
    expect(slices(trace, SHELL, 'lifetime').map((e) => [e.ts, e.dur, e.name])).toEqual([
      [5100, 1900, 'running → killed by SIGTERM'],
      [7000, 1000, 'exit → close (stdio draining)'],
    ]);
    expect(slices(trace, WORKER, 'lifetime').map((e) => [e.ts, e.dur])).toEqual([[1100, 2900]]);
    expect(slices(trace, SLEEP, 'lifetime').map((e) => [e.ts, e.dur, e.name])).toEqual([[5200, 1900, 'seen by OS sampling']]);
  });

  it('joins sends to receives with one flow per joined pair, coalesced runs included', () => {
    const ipc = trace.traceEvents.filter((e) => e.cat === 'ipc' && e.ph === 'X');
    const flowIds = ipc.filter((e) => e.flow_out).map((e) => e.bind_id);
    expect(new Set(flowIds).size).toBe(flowIds.length);
    // #1 boss→worker; worker's run #1–200 → boss's #1–150 and #151–200; #201 never received.
    expect(flowIds).toHaveLength(3);
    const unjoined = ipc.filter((e) => e.bind_id === undefined).map((e) => e.name);
    expect(unjoined).toEqual([`send #201 → ${BOSS}`]);
    expect(ipc.find((e) => e.name === `send #1–200 (200) → ${BOSS}`)?.args).toMatchObject({ count: 200, bytes: 2000 });
  });

  it('shows output, errors and signals as instants, narration as global ones', () => {
    const instants = trace.traceEvents.filter((e) => e.ph === 'i');
    expect(instants.find((e) => e.cat === 'stdout' && e.pid === WORKER)?.name).toBe('stdout 4096 B (3 chunks)');
    const enoent = instants.find((e) => e.cat === 'error')!;
    expect(enoent).toMatchObject({ pid: BOSS, s: 't', name: 'error ENOENT: spawn ./missing ENOENT' });
    expect(instants.filter((e) => e.cat === 'signal' && e.pid === SHELL).map((e) => e.name)).toEqual(['signal SIGTERM (exit)', 'signal SIGTERM (close)']);
    // A signal the boss sent the orphaned sleep: the call on the boss, the signal on sleep.
    expect(instants.filter((e) => e.cat === 'signal' && e.ts === 7050).map((e) => [e.pid, e.name])).toEqual([
      [BOSS, `process.kill(${SLEEP}, SIGTERM)`],
      [SLEEP, `signal SIGTERM from ${BOSS}`],
    ]);
    expect(instants.find((e) => e.cat === 'narration')).toMatchObject({ s: 'g', ts: 1000, name: 'The boss hires a worker' });
  });

  it('turns samples into counters', () => {
    const counters = trace.traceEvents.filter((e) => e.ph === 'C');
    expect(counters.map((e) => [e.pid, e.name])).toEqual([[SLEEP, 'cpu %'], [SLEEP, 'rss MB'], [BOSS, 'event-loop utilisation']]);
  });

  it('keeps IPC slices inside a lifetime that ends at the same microsecond', () => {
    const atExit: LabEvent[] = [
      ...log.slice(0, 3),
      { type: 'message', t: 4000, pid: WORKER, dir: 'send', from: WORKER, to: BOSS, seq: 1, bytes: 1, preview: '1' },
      { type: 'exit', t: 4000, pid: WORKER, childId: '100:1', code: 0, signal: null },
    ];
    expect(checkTrace(toChromeTrace(atExit))).toEqual([]);
  });
});

describe('checkTrace', () => {
  it('finds what Perfetto would drop or misdraw', () => {
    const bad: ChromeTrace = {
      displayTimeUnit: 'ms',
      traceEvents: [
        { ph: 'X', pid: 1, tid: 1, ts: 0, name: 'no dur' },
        { ph: 'X', pid: 2, tid: 2, ts: 0, dur: 10, name: 'a' },
        { ph: 'X', pid: 2, tid: 2, ts: 5, dur: 10, name: 'b', bind_id: 1, flow_out: true },
        { ph: 'i', pid: 2, tid: 2, ts: 5, s: 't', name: 'c', bind_id: 1, flow_out: true },
        { ph: 'M', pid: 2, name: 'process_name', args: { name: 'two' } },
      ],
    };
    expect(checkTrace(bad)).toEqual([
      'X "no dur" at 0 has no dur',
      'flow 1 is on a "i" event, not a slice',
      'pid 1 has no process_name',
      'flow 1 has 2 flow_out and 0 flow_in slices (want 1 and 1)',
      'thread 2/2: "b" [5, 15] overlaps "a" [0, 10]',
    ]);
  });
});
