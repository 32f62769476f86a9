import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { fixture, isAlive, ofType, processesOfRun } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe('limits, with clear errors and nothing left behind', () => {
  it('too many processes at once: ERR_OBRA_PROCESS_LIMIT, the run stopped, none alive', async () => {
    lab = new Lab({ maxProcesses: 5, sampleIntervalMs: 20 });
    const { runId } = await lab.startRun({ file: fixture('many-sleepers.js'), args: ['10'] });
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ reason: 'error', errorCode: 'ERR_OBRA_PROCESS_LIMIT' });
    expect(end.message).toMatch(/limit is 5/);
    const log = lab.log(runId);
    expect(ofType(log, 'error').filter((e) => e.code === 'ERR_OBRA_PROCESS_LIMIT')).toHaveLength(1);
    for (const e of ofType(log, 'os-process')) expect(isAlive(e.pid as number)).toBe(false);
    expect(processesOfRun(runId)).toEqual([]);
  });

  it('too many runs at once: ERR_OBRA_RUN_LIMIT, and a slot frees when a run ends', async () => {
    lab = new Lab({ maxConcurrentRuns: 2 });
    const a = await lab.startRun({ file: fixture('idle-boss.js') });
    await lab.startRun({ file: fixture('idle-boss.js') });
    await expect(lab.startRun({ file: fixture('idle-boss.js') })).rejects.toMatchObject({ code: 'ERR_OBRA_RUN_LIMIT' });
    await lab.stopRun(a.runId);
    const c = await lab.startRun({ file: fixture('idle-boss.js') });
    expect(c.runId).not.toBe(a.runId);
  });

  it('bad records from the report channel are ignored, reported once, and counted at the end', async () => {
    lab = new Lab();
    const { runId } = await lab.startRun({ file: fixture('report-writer.js'), args: ['good-and-bad'] });
    const end = await lab.ended(runId);
    const log = lab.log(runId);
    const bad = ofType(log, 'error').filter((e) => e.code === 'ERR_OBRA_BAD_RECORD');
    expect(bad).toHaveLength(2);
    expect(bad[0].message).toMatch(/not JSON/);
    expect(bad[1].message).toMatch(/^3 records/);
    expect(ofType(log, 'sample').find((e) => e.elu === 0.5)).toMatchObject({ pid: end.pid, interval: 50000 });
    const disconnect = ofType(log, 'disconnect')[0];
    expect(disconnect.childId).toBe(`${end.pid}:1`);
    // Stamped by the writer from OBRA_T0: after the start, before the end.
    expect(disconnect.t).toBeGreaterThan(0);
    expect(disconnect.t).toBeLessThan(end.t);
  });

  it('past the event rate, output is coalesced with exact counts and bytes', async () => {
    lab = new Lab({ maxEventsPerSecond: 100 });
    const { runId } = await lab.startRun({ file: fixture('report-writer.js'), args: ['stdout-flood', '20000'] });
    await lab.ended(runId);
    const flood = ofType(lab.log(runId), 'stdout').filter((e) => e.childId !== 'boss');
    expect(flood.reduce((n, e) => n + (e.count ?? 1), 0)).toBe(20000);
    expect(flood.reduce((n, e) => n + e.bytes, 0)).toBe(60000);
    expect(flood.length).toBeLessThan(2000);
    expect(flood.some((e) => (e.count ?? 1) > 1)).toBe(true);
  });

  it('past the log size limit: ERR_OBRA_EVENT_LIMIT, the run stopped, what was dropped said', async () => {
    lab = new Lab({ maxEvents: 500 });
    const { runId } = await lab.startRun({ file: fixture('report-writer.js'), args: ['stdout-flood', '5000'] });
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ reason: 'error', errorCode: 'ERR_OBRA_EVENT_LIMIT' });
    expect(end.message).toMatch(/\d+ events past the log's limit were not kept/);
    expect(lab.log(runId).length).toBeLessThanOrEqual(510);
  });

  it('the logs of ended runs are kept within keptLogBytes, the oldest forgotten first, the last to end always', async () => {
    lab = new Lab({ maxEventsPerSecond: 1_000_000_000, keptLogBytes: 1_500_000 });
    const flood = async (records: number) => {
      const { runId } = await lab!.startRun({ file: fixture('report-writer.js'), args: ['stdout-flood', String(records)] });
      await lab!.ended(runId);
      return runId;
    };
    // Each run of 5,000 records holds about 0.7 MB of events: two fit in 1.5 MB, three do not.
    const [a, b, c] = [await flood(5000), await flood(5000), await flood(5000)];
    expect(lab.stats(c).logBytes).toBeGreaterThan(600_000);
    expect(lab.stats(b).logBytes + lab.stats(c).logBytes).toBeLessThan(1_500_000);
    expect(() => lab!.log(a)).toThrow(expect.objectContaining({ code: 'ERR_OBRA_UNKNOWN_RUN' }));
    expect(lab.log(b).at(-1)).toMatchObject({ type: 'run-end' });
    expect(lab.log(c).at(-1)).toMatchObject({ type: 'run-end' });
    // A run larger than the whole budget: kept, being the last; every older one goes.
    const d = await flood(15_000);
    expect(lab.stats(d).logBytes).toBeGreaterThan(1_500_000);
    expect(lab.log(d).length).toBeGreaterThan(15_000);
    for (const old of [b, c]) expect(() => lab!.log(old)).toThrow(expect.objectContaining({ code: 'ERR_OBRA_UNKNOWN_RUN' }));
  });

  it('stopRun of an unknown run rejects with ERR_OBRA_UNKNOWN_RUN', async () => {
    lab = new Lab();
    await expect(lab.stopRun('nope')).rejects.toMatchObject({ code: 'ERR_OBRA_UNKNOWN_RUN' });
  });
});
