import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createProcessTable } from './os-sampler';
import { RecordGate } from './record-gate';
import { runProcesses } from './run-processes';
import { isAlive, ppidOf } from '../../tests/fixtures/proc';

// The gate asks the real OS (this machine's /proc) about real processes; this test process
// stands in for a run's boss.
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

function gateForThisProcess(): { gate: RecordGate; nowUs: () => number } {
  const t0 = process.hrtime.bigint();
  const nowUs = () => Number((process.hrtime.bigint() - t0) / 1000n);
  const gate = new RecordGate(nowUs, runProcesses(createProcessTable(), 'not-this-run'));
  gate.know(process.pid);
  return { gate, nowUs };
}

function sleeper(): ChildProcess & { pid: number } {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  started.push(child);
  return child as ChildProcess & { pid: number };
}

const refusal = (v: ReturnType<RecordGate['admit']>) => ('refused' in v ? v.refused : null);
const spawnOf = (pid: number, n: number, t: number, ppid = process.pid) => ({ type: 'spawn', t, pid, childId: `${ppid}:${n}`, ppid });

describe('the record gate, asking the OS', () => {
  it('admits the spawn of a real child of the reporter, then its output and exit', () => {
    const { gate, nowUs } = gateForThisProcess();
    const child = sleeper();
    expect(refusal(gate.admit(spawnOf(child.pid, 1, nowUs())))).toBeNull();
    expect(refusal(gate.admit({ type: 'stdout', t: nowUs(), pid: child.pid, childId: `${process.pid}:1`, bytes: 65536, preview: 'x' }))).toBeNull();
    expect(refusal(gate.admit({ type: 'exit', t: nowUs(), pid: child.pid, childId: `${process.pid}:1`, code: 0, signal: null }))).toBeNull();
  });

  it('refuses a spawn of a pid no process ever had, of a live process that is not the reporter\'s child, and a second spawn of one process', () => {
    const { gate, nowUs } = gateForThisProcess();
    const pidMax = Number(fs.readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
    expect(refusal(gate.admit(spawnOf(pidMax + 1, 1, nowUs())))).toMatch(/pid \d+ was not started during this run/);
    expect(refusal(gate.admit(spawnOf(1, 2, nowUs())))).toMatch(/pid 1 is the child of 0, not of \d+/);
    const child = sleeper();
    expect(refusal(gate.admit(spawnOf(child.pid, 3, nowUs())))).toBeNull();
    expect(refusal(gate.admit(spawnOf(child.pid, 4, nowUs())))).toMatch(/already spawned as \d+:3/);
  });

  it('admits the spawn of a child whose reporting parent has ended since (a zombie now: the child was adopted)', async () => {
    const { gate, nowUs } = gateForThisProcess();
    // The inner shell starts a sleep and ends; its parent has become `sleep 40`, which never
    // reaps it: a zombie whose child was adopted.
    const outer = spawn('/bin/sh', ['-c', 'sh -c \'sleep 30 & echo $$ $!\' & exec sleep 40'], { stdio: ['ignore', 'pipe', 'ignore'] });
    started.push(outer);
    const line = await new Promise<string>((resolve) => outer.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    const [reporter, child] = line.trim().split(' ').map(Number);
    try {
      for (const until = Date.now() + 10_000; isAlive(reporter) && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
      expect(isAlive(reporter)).toBe(false);
      expect(ppidOf(child)).not.toBe(reporter);
      expect(refusal(gate.admit(spawnOf(child, 1, nowUs(), reporter)))).toBeNull();
    } finally {
      process.kill(child, 'SIGKILL');
    }
  });

  it('refuses records of a live process that is not of the run (no run id in its environment, no known ancestor)', () => {
    const { gate, nowUs } = gateForThisProcess();
    expect(refusal(gate.admit({ type: 'sample', t: nowUs(), pid: 1, elu: 0.5, interval: 50_000 }))).toMatch(/pid 1 is not a process of this run/);
    // A grandchild of a known process is the run's, wherever its records come from.
    const child = sleeper();
    expect(refusal(gate.admit({ type: 'sample', t: nowUs(), pid: child.pid, elu: 0.5, interval: 50_000 }))).toBeNull();
  });

  it('holds a kill to its sender, a process of the run, and not to its target: a signal may go to any pid, or to none', () => {
    const { gate, nowUs } = gateForThisProcess();
    const kill = { type: 'kill', signal: 'SIGTERM', code: null, source: null };
    expect(refusal(gate.admit({ ...kill, t: nowUs(), pid: process.pid, target: 1, code: 'EPERM' }))).toBeNull();
    expect(refusal(gate.admit({ ...kill, t: nowUs(), pid: process.pid, target: -2147483646, code: 'ESRCH' }))).toBeNull();
    expect(refusal(gate.admit({ ...kill, t: nowUs(), pid: 1, target: process.pid }))).toMatch(/kill from pid 1: pid 1 is not a process of this run/);
  });

  it('refuses impossible sizes and times: a petabyte on stdout, a count no process makes, a record from the future', () => {
    const { gate, nowUs } = gateForThisProcess();
    const out = { type: 'stdout', pid: process.pid, childId: `${process.pid}:1`, preview: 'x' };
    expect(refusal(gate.admit({ ...out, t: nowUs(), bytes: 1e15 }))).toMatch(/1000000000000000 bytes in 1 is more than Node makes/);
    expect(refusal(gate.admit({ ...out, t: nowUs(), bytes: 1e15, count: 1e6 }))).toMatch(/more than any process/);
    expect(refusal(gate.admit({ ...out, t: 10, bytes: 1e6, count: 1e6 }))).toMatch(/more than any process makes/);
    expect(refusal(gate.admit({ ...out, t: nowUs() + 60e6, bytes: 1 }))).toMatch(/outside the run/);
    // 4 GiB in one chunk is the most Node makes; 3 GiB passes at once, then a stream cannot add another 3 GiB within a second.
    expect(refusal(gate.admit({ ...out, t: 0, bytes: 3 * 2 ** 30 }))).toBeNull();
    expect(refusal(gate.admit({ ...out, t: 0, bytes: 3 * 2 ** 30 }))).toMatch(/more than any process moves/);
    expect(refusal(gate.admit({ type: 'sample', t: nowUs(), pid: process.pid, elu: 7 }))).toMatch(/elu 7 is not between 0 and 1/);
  });

  it("holds callbacks to one thread's time: no more callback time than the run has lasted, no task ending in the future, no timer due after it ran", () => {
    const { gate, nowUs } = gateForThisProcess();
    const task = { type: 'task', pid: process.pid, kind: 'timer' };
    const t = nowUs();
    expect(refusal(gate.admit({ ...task, t, dur: 0, due: t - 500 }))).toBeNull();
    expect(refusal(gate.admit({ ...task, t: nowUs(), dur: 3_600_000_000 }))).toMatch(/ends after now/);
    expect(refusal(gate.admit({ ...task, t: nowUs(), dur: 0, due: nowUs() + 60e6 }))).toMatch(/due .* is outside the run or after the timer ran/);
    expect(refusal(gate.admit({ ...task, t: 10, dur: 0, count: 1e6 }))).toMatch(/more than any loop runs/);
    // Two threads each run their own callbacks; one thread claiming more callback time than wall time is refused.
    const other = { ...task, kind: 'other', threadId: 1 };
    expect(refusal(gate.admit({ ...other, t: 0, dur: 500 }))).toBeNull();
    for (let i = 0; i < 3; i++) expect(refusal(gate.admit({ ...task, kind: 'fs', t: 0, dur: 400_000 }))).toBeNull();
    expect(refusal(gate.admit({ ...task, kind: 'fs', t: 0, dur: 400_000 }))).toMatch(/µs of callbacks by .* is more than one thread runs/);
  });
});
