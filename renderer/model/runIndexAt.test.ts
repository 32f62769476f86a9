import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { RunLog } from './runLog';
import { runIndexAt } from './runIndexAt';

const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 10, runId: 'r', script: 'boss.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'call', t: 100, pid: 10, api: 'exec', childId: '10:1', command: 'nosuchcmd', args: [], options: {}, source: null },
  { type: 'spawn', t: 200, pid: 11, childId: '10:1', ppid: 10 },
  { type: 'stderr', t: 300, pid: 11, childId: '10:1', bytes: 20, preview: 'not found' },
  { type: 'exit', t: 400, pid: 11, childId: '10:1', code: 127, signal: null },
  { type: 'callback', t: 500, pid: 10, childId: '10:1', api: 'exec', error: { code: 127, signal: null, killed: false, message: 'Command failed' }, stdoutBytes: 0, stderrBytes: 20 },
];

describe('the run at the playhead', () => {
  it('knows only what happened by then: no exit, no error before they come', () => {
    const run = new RunLog('r');
    run.append(log);
    const early = runIndexAt(run, 350);
    expect(early.processes.get(11)?.exitT).toBeNull();
    expect(early.processes.get(11)?.exitCode).toBeNull();
    expect(early.errors).toEqual([]);
    expect(early.counters).toMatchObject({ processes: 2, bytes: 20, errors: 0 });
    const late = runIndexAt(run, 450);
    expect(late.processes.get(11)?.exitT).toBe(400);
    expect(late.errors).toEqual([]);
    expect(runIndexAt(run, 500)).toBe(run.index);
    expect(runIndexAt(run, 500).errors).toEqual([5]);
  });

  it('goes back as well as forward', () => {
    const run = new RunLog('r');
    run.append(log);
    expect(runIndexAt(run, 450).processes.get(11)?.exitCode).toBe(127);
    expect(runIndexAt(run, 250).processes.get(11)?.exitCode).toBeNull();
    expect(runIndexAt(run, 150).processes.has(11)).toBe(false);
  });
});
