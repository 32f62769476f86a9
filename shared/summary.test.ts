import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { RunTally, summarize } from './summary';

const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 10, runId: 'r', script: '/s.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'call', t: 100, pid: 10, api: 'exec', childId: '10:1', command: 'ls | wc', args: [], options: {}, source: null },
  { type: 'os-process', t: 150, pid: 11, ppid: 10, command: 'sh', argv: ['/bin/sh'], state: 'seen' },
  { type: 'spawn', t: 200, pid: 11, childId: '10:1', ppid: 10 },
  { type: 'os-process', t: 250, pid: 12, ppid: 11, command: 'ls', argv: ['ls'], state: 'seen' },
  { type: 'stdout', t: 300, pid: 11, childId: '10:1', bytes: 1000, preview: 'x', count: 4 },
  { type: 'stderr', t: 310, pid: 11, childId: '10:1', bytes: 7, preview: 'warn' },
  { type: 'call', t: 400, pid: 10, api: 'fork', childId: '10:2', command: 'w.js', args: [], options: {}, source: null },
  { type: 'spawn', t: 410, pid: 13, childId: '10:2', ppid: 10 },
  { type: 'message', t: 500, pid: 10, dir: 'send', from: 10, to: 13, seq: 300, bytes: 3000, preview: '', count: 300, firstSeq: 1, lastSeq: 300 },
  { type: 'message', t: 510, pid: 13, dir: 'recv', from: 10, to: 13, seq: 300, bytes: 3000, preview: '', count: 300, firstSeq: 1, lastSeq: 300 },
  { type: 'call', t: 600, pid: 10, api: 'execFile', childId: '10:3', command: 'nope', args: [], options: {}, source: null },
  { type: 'error', t: 610, pid: null, where: 'child', childId: '10:3', name: 'Error', code: 'ENOENT', message: 'spawn nope ENOENT' },
  { type: 'callback', t: 612, pid: 10, childId: '10:3', api: 'execFile', error: { code: 'ENOENT', signal: null, killed: false, message: 'spawn nope ENOENT' }, stdoutBytes: 0, stderrBytes: 0 },
  { type: 'callback', t: 615, pid: 10, childId: '10:1', api: 'exec', error: { code: 127, signal: null, killed: false, message: 'Command failed: ls | wc' }, stdoutBytes: 1000, stderrBytes: 7 },
  { type: 'kill', t: 615, pid: 10, target: 12, signal: 'SIGTERM', code: null, source: null },
  { type: 'kill', t: 616, pid: 10, target: 12, signal: '0', code: 'ESRCH', source: null },
  { type: 'kill', t: 617, pid: 10, target: -11, signal: 'SIGKILL', code: null, source: null },
  { type: 'thread', t: 615, pid: 13, state: 'start', thread: 1, file: 'helper.js', source: null },
  { type: 'thread', t: 618, pid: 13, state: 'exit', thread: 1, code: 0 },
  { type: 'error', t: 620, pid: 13, where: 'uncaught', name: 'TypeError', code: null, message: 'x is not a function' },
  { type: 'exit', t: 900, pid: 10, childId: 'boss', code: 3, signal: null },
  { type: 'run-end', t: 1000, pid: 10, reason: 'exit', code: 3, signal: null },
];

describe('summarize', () => {
  const summary = summarize(log);

  it('counts each process once, by what started it', () => {
    // The shell was seen by sampling before its spawn event: it counts as exec's.
    expect(summary.processes).toEqual({ count: 4, byKind: { boss: 1, exec: 1, os: 1, fork: 1 } });
    expect(summary.calls).toBe(3);
    expect(summary.threads).toBe(1);
  });

  it('adds up bytes and chunks exactly, coalesced events included', () => {
    expect(summary.bytes).toEqual({ stdout: 1000, stderr: 7 });
    expect(summary.chunks).toEqual({ stdout: 4, stderr: 1 });
    expect(summary.messages).toEqual({ sent: 300, received: 300, bytesSent: 3000, bytesReceived: 3000 });
  });

  it('counts the signals the program sent with process.kill, not the ones that only asked or threw', () => {
    expect(summary.signals).toEqual({ sent: 2, bySignal: { SIGTERM: 1, SIGKILL: 1 } });
  });

  it('keeps errors with their codes (a callback\'s own, once), and how the boss and the run ended', () => {
    expect(summary.errors.count).toBe(3);
    expect(summary.errors.byCode).toEqual({ ENOENT: 1, 'exit 127': 1, TypeError: 1 });
    expect(summary.errors.first[1]).toMatchObject({ where: 'callback', code: '127', message: 'Command failed: ls | wc' });
    expect(summary.errors.first[0]).toMatchObject({ code: 'ENOENT', message: 'spawn nope ENOENT' });
    expect(summary.boss).toEqual({ pid: 10, code: 3, signal: null, exited: true });
    expect(summary.end).toEqual({ reason: 'exit' });
    expect(summary.durationUs).toBe(1000);
  });

  it('counts live: a tally part-way through is a summary of the prefix', () => {
    const tally = new RunTally();
    log.slice(0, 7).forEach((e) => tally.add(e));
    expect(tally.summary()).toEqual(summarize(log.slice(0, 7)));
    expect(tally.summary().end).toBeNull();
    expect(tally.summary().durationUs).toBe(310);
  });
});
