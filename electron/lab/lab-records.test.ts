import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { fixture, isAlive, ofType, processesOfRun } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe('records reach the lab before the program goes on', () => {
  it('a boss that starts children, then blocks its loop and is stopped by max duration: its calls and spawns are in the log', async () => {
    lab = new Lab();
    const { runId } = await lab.startRun({ file: fixture('blocked-boss.js'), maxDurationMs: 4000 });
    const end = await lab.ended(runId);
    expect(end.reason).toBe('timeout');
    const log = lab.log(runId);
    const calls = ofType(log, 'call').filter((c) => c.pid === end.pid);
    expect(calls.map((c) => c.api)).toEqual(['spawn', 'exec', 'fork']);
    expect(calls.map((c) => c.command)).toEqual(['sleep', 'sleep 32', fixture('idle-boss.js')]);
    const spawns = ofType(log, 'spawn').filter((s) => s.ppid === end.pid);
    expect(spawns.map((s) => s.childId).sort()).toEqual(calls.map((c) => c.childId).sort());
    for (const s of spawns) {
      expect(s.pid).toBeGreaterThan(0);
      expect(isAlive(s.pid as number)).toBe(false);
    }
    expect(processesOfRun(runId)).toEqual([]);
  });
});

describe('records from the channel are claims, held to what can be true of the run', () => {
  it('a forged lab failure, 300 spawns of invented pids and a petabyte on stdout are refused, counted and said; real records pass', async () => {
    lab = new Lab();
    const { runId } = await lab.startRun({ file: fixture('forger-boss.js') });
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ reason: 'exit', code: 0 });
    const log = lab.log(runId);
    const labErrors = ofType(log, 'error').filter((e) => e.where === 'lab');
    expect(labErrors.map((e) => e.code)).toEqual(['ERR_OBRA_BAD_RECORD', 'ERR_OBRA_BAD_RECORD']);
    expect(labErrors[0].message).toMatch(/only the lab speaks for the lab/);
    // 1 forged failure + 300 spawns + 1 petabyte + 1 sample from a process not of the run.
    expect(labErrors[1].message).toMatch(/^303 records/);
    expect(lab.stats(runId).badRecords).toBe(303);
    // The one real child is the only process spawned.
    const spawns = ofType(log, 'spawn');
    expect(spawns).toHaveLength(1);
    expect(ofType(log, 'call').find((c) => c.childId === spawns[0].childId)).toMatchObject({ api: 'spawnSync', command: 'true' });
    expect(ofType(log, 'stdout').filter((e) => e.childId !== 'boss')).toEqual([]);
    expect(ofType(log, 'sample').filter((e) => e.pid === 1)).toEqual([]);
  });

  it('a channel removed mid-run is reported (ERR_OBRA_CHANNEL_LOST), not a silent "0 sent · 1 received"', async () => {
    lab = new Lab();
    const { runId } = await lab.startRun({ file: fixture('channel-remover-boss.js') });
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ reason: 'exit', code: 0 });
    const log = lab.log(runId);
    expect(ofType(log, 'stdout').map((e) => e.preview)).toContain('boss got {"hello":"boss"}\\n');
    const lost = ofType(log, 'error').filter((e) => e.code === 'ERR_OBRA_CHANNEL_LOST');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ where: 'lab', pid: null });
  });

  it('a channel replaced mid-run by a file is reported (ERR_OBRA_CHANNEL_LOST), and no probe writes its records into that file', async () => {
    lab = new Lab();
    const { runId } = await lab.startRun({ file: fixture('channel-replacer-boss.js') });
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ reason: 'exit', code: 0 });
    const log = lab.log(runId);
    const said = ofType(log, 'stdout').map((e) => e.preview).join('');
    expect(said).toContain('boss got {"hello":"boss"}\\n');
    expect(said).toContain('planted file holds 0 bytes');
    expect(ofType(log, 'error').filter((e) => e.code === 'ERR_OBRA_CHANNEL_LOST')).toHaveLength(1);
  });
});
