/**
 * The record gate on Windows, under Wine: records from the named pipe are
 * claims, held to what can be true of the run (shape, time, sizes). Pids are
 * not checked against the OS there (only Linux's /proc answers for one pid at
 * a time); the demos' runs and the stopped tree's (grandchildren, a Node child
 * with an env of its own) show no real record refused.
 */
import { describe, expect, inject, it } from 'vitest';
import { ofType } from '../../assets/demos/demo-log';
import { recordUnderWine, windowsPath } from './obra-under-wine';

const wine = inject('wineNode');

describe('records from the named pipe under Windows Node', () => {
  it('a forged lab failure, a petabyte on stdout, a call from an hour ahead and a 500 % loop are refused, counted and said; real records pass', async () => {
    const run = await recordUnderWine(wine, windowsPath('tests', 'windows', 'fixtures', 'forger-boss.js'));
    expect(run.cli.code, run.cli.stderr).toBe(0);
    expect(run.end).toMatchObject({ reason: 'exit', code: 0 });
    const labErrors = ofType(run.log, 'error').filter((e) => e.where === 'lab');
    expect(labErrors.map((e) => e.code)).toEqual(['ERR_OBRA_BAD_RECORD', 'ERR_OBRA_BAD_RECORD']);
    expect(labErrors[0].message).toMatch(/only the lab speaks for the lab/);
    expect(labErrors[1].message).toMatch(/^4 records/);
    expect(ofType(run.log, 'stdout').filter((e) => e.bytes > 1e9)).toEqual([]);
    expect(ofType(run.log, 'sample').filter((e) => (e.elu ?? 0) > 1)).toEqual([]);
    // The one real child, reported by the probe.
    const calls = ofType(run.log, 'call');
    expect(calls.map((c) => [c.api, c.command])).toEqual([['execFileSync', 'cmd.exe']]);
    const [spawn] = ofType(run.log, 'spawn');
    expect(spawn).toMatchObject({ childId: calls[0].childId, ppid: run.end.pid });
    expect(ofType(run.log, 'exit').find((e) => e.childId === calls[0].childId)).toMatchObject({ code: 0 });
  });
});
