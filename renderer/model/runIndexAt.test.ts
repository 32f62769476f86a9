import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { RunLog } from './runLog';
import { runIndexAt } from './runIndexAt';
import { RunIndex } from './runIndex';

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

describe('the run at the playhead, live', () => {
  it('takes a growing log in: the same index as folding it whole, late arrivals before the cursor included', () => {
    const run = new RunLog('r');
    run.append(log.slice(0, 3));
    expect(runIndexAt(run, 250).counters).toMatchObject({ processes: 2, bytes: 0 });
    // The stderr (t 300) comes after the callback (t 500) was logged; one more late event at t 150.
    run.append([log[5], log[4]]);
    expect(runIndexAt(run, 450).processes.get(11)?.exitCode).toBe(127);
    run.append([log[3], { type: 'stdout', t: 150, pid: 10, childId: 'boss', bytes: 7, preview: 'early' }]);
    const live = runIndexAt(run, 450);
    const whole = new RunLog('whole');
    whole.append(run.events.filter((e) => e.t <= 450));
    expect(live.counters).toEqual(whole.index.counters);
    expect(live.processes.get(11)?.stderrBytes).toBe(20);
    expect(live.processes.get(10)?.stdoutBytes).toBe(7);
    expect(live.errors).toEqual([]);
    // Forward again, and back: still the same as a fold from scratch.
    expect(runIndexAt(run, 499).errors).toEqual([]);
    expect(runIndexAt(run, 200).counters).toMatchObject({ processes: 2, bytes: 7 });
  });

  it('folds each event once, however many batches come under a cursor behind them', () => {
    const run = new RunLog('r');
    run.append(log.slice(0, 2));
    const cursor = 10_000;
    const original = RunIndex.prototype.applyOne;
    let folds = 0;
    RunIndex.prototype.applyOne = function (this: RunIndex, ...args: Parameters<RunIndex['applyOne']>) {
      folds++;
      return original.apply(this, args);
    };
    try {
      for (let b = 0; b < 200; b++) {
        run.append(Array.from({ length: 50 }, (_, j) => ({ type: 'stdout' as const, t: 1000 + b * 100 + j, pid: 10, childId: 'boss', bytes: 1, preview: 'x' })));
        runIndexAt(run, cursor);
      }
    } finally {
      RunIndex.prototype.applyOne = original;
    }
    // Up to 10,000 µs: 90 whole batches and the first event of the 91st.
    expect(runIndexAt(run, cursor).counters.bytes).toBe(4501);
    // Each batch folded into the log's own index (10,000) and, up to the cursor, into the playhead's (2 + 4,501).
    expect(folds).toBe(200 * 50 + 2 + 4501);
  });
});
