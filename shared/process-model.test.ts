import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { asyncTwin, ProcessModel, timeOrder } from './process-model';

const start: LabEvent = { type: 'run-start', t: 0, pid: 10, runId: 'r', script: '/d/boss.js', argv: ['3'], cwd: '/d', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 };

describe("one model of a run's processes", () => {
  it('knows the boss, a fork from its call to its close, and who runs JavaScript', () => {
    const model = new ProcessModel().applyAll([
      start,
      { type: 'call', t: 5, pid: 10, api: 'fork', childId: '10:1', command: '/d/worker.js', args: [], options: {}, source: null },
      { type: 'spawn', t: 8, pid: 11, childId: '10:1', ppid: 10 },
      { type: 'exit', t: 30, pid: 11, childId: '10:1', code: null, signal: 'SIGTERM' },
      { type: 'close', t: 31, pid: 11, childId: '10:1', code: null, signal: 'SIGTERM' },
    ]);
    expect(model.bossPid).toBe(10);
    expect(model.processes.get(10)).toMatchObject({ kind: 'boss', childId: 'boss', command: '/d/boss.js', args: ['3'], runsNode: true, ppid: null });
    expect(model.processes.get(11)).toMatchObject({
      kind: 'fork', ppid: 10, command: '/d/worker.js', callT: 5, spawnT: 8, exitT: 30, closeT: 31, exitCode: null, signal: 'SIGTERM', runsNode: true, firstT: 8, lastT: 31,
    });
    expect(model.processOfChild('10:1')?.pid).toBe(11);
    expect(model.callOf('10:1')?.pid).toBe(10);
  });

  it('takes the call that arrives after its spawn (reports of two processes cross), and a close that stands for an exit', () => {
    const model = new ProcessModel().applyAll([
      start,
      { type: 'spawn', t: 8, pid: 12, childId: '10:2', ppid: 10 },
      { type: 'call', t: 6, pid: 10, api: 'execSync', childId: '10:2', command: 'ls', args: ['-l'], options: {}, source: null },
      { type: 'close', t: 20, pid: null, childId: '10:3', code: -2, signal: null },
      { type: 'close', t: 21, pid: null, childId: '10:2', code: 0, signal: null },
    ]);
    expect(model.processes.get(12)).toMatchObject({ kind: 'execSync', command: 'ls', args: ['-l'], callT: 6, exitT: 21, closeT: 21, exitCode: 0 });
    expect(asyncTwin('execSync')).toBe('exec');
    // A child that never started has no process: only its call is known.
    expect([...model.processes.keys()]).toEqual([10, 12]);
  });

  it('knows a process only OS sampling saw, by the program it first ran and then by the one it became', () => {
    const model = new ProcessModel().applyAll([
      start,
      { type: 'os-process', t: 40, pid: 13, ppid: 10, command: 'sh', argv: ['/bin/sh', '-c', 'sleep 1'], state: 'seen' },
      { type: 'os-process', t: 90, pid: 13, ppid: 10, command: 'sleep', argv: ['sleep', '1'], state: 'seen' },
      { type: 'os-process', t: 1100, pid: 13, ppid: 10, command: 'sleep', argv: ['sleep', '1'], state: 'gone' },
      { type: 'sample', t: 50, pid: 14, cpu: 3 },
    ]);
    expect(model.processes.get(13)).toMatchObject({ kind: 'os', sampled: true, ppid: 10, firstOsArgv: ['/bin/sh', '-c', 'sleep 1'], osArgv: ['sleep', '1'], goneT: 1100, runsNode: false });
    expect(model.processes.get(14)).toMatchObject({ kind: 'os', sampled: false });
  });

  it('says when the shape of the tree changed, and only then', () => {
    const model = new ProcessModel();
    model.apply(start);
    const afterBoss = model.structureVersion;
    model.apply({ type: 'stdout', t: 3, pid: 10, childId: 'boss', bytes: 2, preview: 'hi' });
    expect(model.structureVersion).toBe(afterBoss);
    model.apply({ type: 'spawn', t: 8, pid: 11, childId: '10:1', ppid: 10 });
    expect(model.structureVersion).toBeGreaterThan(afterBoss);
  });

  it('orders a log by time, equal times as they arrived', () => {
    const log = [{ t: 5 }, { t: 1 }, { t: 5 }, { t: 0 }] as LabEvent[];
    expect(timeOrder(log)).toEqual([3, 1, 0, 2]);
  });
});
