import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { findSend } from './ipcChannels';
import { shortCommand, visualKind } from './processRecord';
import { RunLog } from './runLog';
import { messageChannelKey } from '../../shared/message-channel';

// A small log written by hand: a boss (100) forks a worker (101), execs `ls | wc -l`
// through /bin/sh (102, under which sampling saw `ls` 103), and fails to execFile a
// missing file (never got a pid).
const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 100, runId: 'r1', script: '/demos/fork/boss.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'call', t: 1_000, pid: 100, api: 'fork', childId: '100:1', command: '/demos/fork/worker.js', args: ['--n', '3'], options: {}, source: { file: '/demos/fork/boss.js', line: 7, column: 3 } },
  { type: 'spawn', t: 1_500, pid: 101, childId: '100:1', ppid: 100 },
  { type: 'message', t: 2_000, pid: 100, dir: 'send', from: 100, to: 101, seq: 1, bytes: 20, preview: '{"job":1}' },
  { type: 'message', t: 2_100, pid: 101, dir: 'recv', from: 100, to: 101, seq: 1, bytes: 20, preview: '{"job":1}' },
  { type: 'message', t: 3_000, pid: 101, dir: 'send', from: 101, to: 100, seq: 3, firstSeq: 1, lastSeq: 3, count: 3, bytes: 60, preview: '{"done":1}' },
  { type: 'message', t: 3_200, pid: 100, dir: 'recv', from: 101, to: 100, seq: 3, firstSeq: 1, lastSeq: 3, count: 3, bytes: 60, preview: '{"done":1}' },
  { type: 'call', t: 4_000, pid: 100, api: 'exec', childId: '100:2', command: 'ls | wc -l', args: [], options: { shell: '/bin/sh' }, source: null },
  { type: 'os-process', t: 4_050, pid: 103, ppid: 102, command: 'ls', argv: ['ls'], state: 'seen' },
  { type: 'spawn', t: 4_100, pid: 102, childId: '100:2', ppid: 100 },
  { type: 'os-process', t: 4_120, pid: 102, ppid: 100, command: 'sh', argv: ['/bin/sh', '-c', 'ls | wc -l'], state: 'seen' },
  { type: 'stdout', t: 5_000, pid: 102, childId: '100:2', bytes: 4_096, preview: '12\\n' },
  { type: 'stderr', t: 5_100, pid: 102, childId: '100:2', bytes: 10, preview: 'warn', count: 2 },
  { type: 'sample', t: 5_200, pid: 100, elu: 0.5, interval: 50_000 },
  { type: 'sample', t: 5_300, pid: 102, cpu: 150, rss: 3_000_000 },
  { type: 'exit', t: 6_000, pid: 102, childId: '100:2', code: 0, signal: null },
  { type: 'close', t: 6_400, pid: 102, childId: '100:2', code: 0, signal: null },
  { type: 'callback', t: 6_500, pid: 100, childId: '100:2', api: 'exec', error: null, stdoutBytes: 4_096, stderrBytes: 10 },
  { type: 'call', t: 7_000, pid: 100, api: 'execFile', childId: '100:3', command: './missing', args: [], options: {}, source: null },
  { type: 'error', t: 7_100, pid: null, where: 'child', childId: '100:3', name: 'Error', code: 'ENOENT', syscall: 'spawn ./missing', message: 'spawn ./missing ENOENT' },
  { type: 'callback', t: 7_150, pid: 100, childId: '100:3', api: 'execFile', error: { code: 'ENOENT', signal: null, killed: false, message: 'spawn ./missing ENOENT' }, stdoutBytes: 0, stderrBytes: 0 },
  { type: 'exit', t: 8_000, pid: 101, childId: '100:1', code: null, signal: 'SIGTERM' },
];

function runOf(events: LabEvent[], batchSize: number): RunLog {
  const run = new RunLog('r1');
  for (let i = 0; i < events.length; i += batchSize) run.append(events.slice(i, i + batchSize));
  return run;
}

describe('the run index, derived from a log', () => {
  it('knows every process, its parent, its API and its command', () => {
    const { index } = runOf(log, 100);
    expect([...index.processes.keys()].sort()).toEqual([100, 101, 102, 103]);
    const worker = index.processes.get(101)!;
    expect(worker).toMatchObject({ ppid: 100, kind: 'fork', spawnT: 1_500, callT: 1_000, signal: 'SIGTERM', exitT: 8_000 });
    expect(worker.source).toEqual({ file: '/demos/fork/boss.js', line: 7, column: 3 });
    expect(shortCommand(worker)).toBe('worker.js --n 3');
    const shell = index.processes.get(102)!;
    expect(shell).toMatchObject({ kind: 'exec', exitCode: 0, exitT: 6_000, closeT: 6_400, cpu: 150, rss: 3_000_000 });
    expect(shell.osArgv).toEqual(['/bin/sh', '-c', 'ls | wc -l']);
    expect(index.processes.get(103)).toMatchObject({ kind: 'os', ppid: 102 });
    expect(visualKind(index.processes.get(103)!)).toBe('os');
  });

  it('adds up output, messages and errors', () => {
    const { index } = runOf(log, 100);
    expect(index.counters).toEqual({ processes: 4, bytes: 4_106, messages: 4, errors: 1 });
    const shell = index.processes.get(102)!;
    expect([shell.stdoutBytes, shell.stderrBytes, shell.stderrChunks]).toEqual([4_096, 10, 2]);
    expect(index.processes.get(101)).toMatchObject({ messagesSent: 3, messagesReceived: 1 });
  });

  it('puts the error of a child that never started on its parent’s lane, once though Node reports it twice', () => {
    const { index, events } = runOf(log, 100);
    const boss = index.processes.get(100)!;
    expect(boss.errorCount).toBe(1);
    expect(boss.markers.length).toBe(1);
    expect(events[boss.markers.idx[0]]).toMatchObject({ type: 'error', code: 'ENOENT' });
  });

  it('marks a signal on the lane of the process it killed', () => {
    const { index, events } = runOf(log, 100);
    const worker = index.processes.get(101)!;
    expect(worker.markers.length).toBe(1);
    expect(events[worker.markers.idx[0]]).toMatchObject({ type: 'exit', signal: 'SIGTERM' });
  });

  it('builds the same index whatever the batches', () => {
    const whole = runOf(log, 100).index;
    const oneByOne = runOf(log, 1).index;
    expect(oneByOne.counters).toEqual(whole.counters);
    expect(oneByOne.lanes().map((l) => [l.pid, l.depth])).toEqual(whole.lanes().map((l) => [l.pid, l.depth]));
  });

  it('lays lanes out as a tree: each process under its parent, in start order', () => {
    const { index } = runOf(log, 3);
    expect(index.lanes().map((l) => [l.pid, l.depth])).toEqual([
      [100, 0],
      [101, 1],
      [102, 1],
      [103, 2],
    ]);
  });

  it('joins an IPC receive to its send by sequence number, runs of messages included', () => {
    const { index } = runOf(log, 100);
    const back = index.channels.byKey.get(messageChannelKey({ from: 101, to: 100 }))!;
    expect(findSend(back, 2)).toBe(0);
    const there = index.channels.byKey.get(messageChannelKey({ from: 100, to: 101 }))!;
    expect(findSend(there, 1)).toBe(0);
    expect(findSend(there, 2)).toBe(-1);
  });
});

describe('signals sent with process.kill, on the lanes', () => {
  it('an octagon on each lane a signal reached — the pid it was sent to, or a group and its members — saying the signal', async () => {
    const { LogBuilder, ms } = await import('../../tests/fixtures/log-builder');
    const { markerLabel } = await import('../timeline/marks');
    const b = new LogBuilder();
    b.os(50, 3002, 3001, ['sleep', '30']).os(50, 3003, 3001, ['cat']);
    const group = b.call(1000, 'spawn', 'sleep 30 | cat', [], { shell: true, detached: true });
    b.spawn(1001, group, 4001).os(1050, 4002, 4001, ['sleep', '30']);
    b.kill(900, 3002).kill(902, 3003, '0').kill(1300, -4001);
    const { index, events } = runOf(b.log, 3);
    const marks = (pid: number) => {
      const m = index.processes.get(pid)!.markers;
      return Array.from({ length: m.length }, (_, i) => [m.t[i], markerLabel(events[m.idx[i]])]);
    };
    expect(marks(3002)).toEqual([[ms(900), 'SIGTERM']]);
    expect(marks(3003)).toEqual([]);
    expect(marks(4001)).toEqual([[ms(1300), 'SIGTERM']]);
    expect(marks(4002)).toEqual([[ms(1300), 'SIGTERM']]);
    expect(index.counters.errors).toBe(0);
  });
});
