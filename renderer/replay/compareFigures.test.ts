import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { cpuTimeUs, reportedCores, runFigures, speedUp } from './compareFigures';

const BOSS = 100;
const start: LabEvent = { type: 'run-start', t: 0, pid: BOSS, runId: 'r', script: '/d/index.js', argv: ['2'], cwd: '/d', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 };
const printed = (t: number, preview: string): LabEvent => ({ type: 'stdout', t, pid: BOSS, childId: 'boss', bytes: preview.length, preview });
const sample = (t: number, pid: number, cpu?: number): LabEvent => ({ type: 'sample', t, pid, rss: 1, ...(cpu === undefined ? {} : { cpu }) });

/** A boss that forks two workers, each busy for one second at 100 % of a core. */
function twoWorkers(): LabEvent[] {
  const log: LabEvent[] = [start, printed(10, 'availableParallelism() = 2\\n')];
  for (const [n, pid] of [[1, 201], [2, 202]] as const) {
    log.push({ type: 'call', t: 20, pid: BOSS, api: 'fork', childId: `${BOSS}:${n}`, command: '/d/primes.js', args: [], options: {}, source: null });
    log.push({ type: 'spawn', t: 30, pid, childId: `${BOSS}:${n}`, ppid: BOSS });
    log.push({ type: 'message', t: 40, pid: BOSS, dir: 'send', from: BOSS, to: pid, seq: 1, bytes: 53, preview: '{}' });
    log.push({ type: 'message', t: 50, pid, dir: 'recv', from: BOSS, to: pid, seq: 1, bytes: 53, preview: '{}' });
    // First sighting (no % yet), then 100 % from the first poll on; unchanged polls are not logged.
    log.push(sample(50_030, pid), sample(100_030, pid, 100), sample(600_030, pid, 100));
    log.push({ type: 'exit', t: 1_050_030, pid, childId: `${BOSS}:${n}`, code: 0, signal: null });
  }
  log.push(printed(1_100_000, '2 worker(s): 348513 primes below 5000000 in 1000 ms\\n'));
  log.push({ type: 'run-end', t: 1_200_000, pid: BOSS, reason: 'exit', code: 0, signal: null });
  return log;
}

describe('the figures of a run, from its log', () => {
  it('counts processes, fork workers, messages sent, output bytes and the wall time', () => {
    const figures = runFigures(twoWorkers());
    expect(figures).toMatchObject({ wallUs: 1_200_000, processes: 3, workers: 2, messages: 2 });
    expect(figures.outputBytes).toBe('availableParallelism() = 2\\n'.length + '2 worker(s): 348513 primes below 5000000 in 1000 ms\\n'.length);
  });

  it('CPU time: each logged % holds from one poll before it to one poll before the next, the last one until the exit', () => {
    // Each worker: 100 % from 50 030 µs to its exit at 1 050 030 µs = 1 s of CPU.
    expect(cpuTimeUs(twoWorkers())).toBe(2_000_000);
  });

  it('CPU time is null when no sample has a %', () => {
    expect(cpuTimeUs(twoWorkers().filter((e) => e.type !== 'sample'))).toBeNull();
  });

  it("CPU time where the OS table is thin: each probe sample's % over its own interval", () => {
    const probe = (t: number, pid: number, cpu: number): LabEvent => ({ type: 'sample', t, pid, elu: 1, interval: 50_000, cpu });
    const log: LabEvent[] = twoWorkers().filter((e) => e.type !== 'sample');
    for (const pid of [201, 202]) for (let t = 100_000; t <= 1_050_000; t += 50_000) log.push(probe(t, pid, 100));
    // 20 samples × 50 ms at 100 % per worker.
    expect(cpuTimeUs(log)).toBe(2_000_000);
  });

  it('CPU time counts a process once: where the OS sampled it, its probe samples are left out', () => {
    const log = twoWorkers();
    for (let t = 100_000; t <= 1_050_000; t += 50_000) log.push({ type: 'sample', t, pid: 201, elu: 1, interval: 50_000, cpu: 100 });
    expect(cpuTimeUs(log)).toBe(2_000_000);
  });

  it('B against A: 2 means B took half the time', () => {
    const a = runFigures(twoWorkers());
    expect(speedUp(a, { ...a, wallUs: a.wallUs / 2 })).toBe(2);
    expect(speedUp(a, { ...a, wallUs: 0 })).toBeNull();
  });

  it("reads the cores from the boss's own line, not from anyone else's", () => {
    expect(reportedCores(twoWorkers())).toBe(2);
    const other: LabEvent = { type: 'stdout', t: 5, pid: 201, childId: `${BOSS}:1`, bytes: 30, preview: 'availableParallelism() = 64\\n' };
    expect(reportedCores([start, other])).toBeNull();
  });
});
