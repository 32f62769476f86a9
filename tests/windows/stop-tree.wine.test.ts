/**
 * Stopping a run on Windows, for real under Wine: Wine's taskkill has no /T,
 * so this is the path where every process the probe reported is terminated
 * one by one. (The taskkill command lines themselves are checked in
 * electron/lab/tree-killer-windows.test.ts.)
 */
import { describe, expect, inject, it } from 'vitest';
import { ofType } from '../../assets/demos/demo-log';
import { pidsOf, recordUnderWine, stillRunning, windowsPath } from './obra-under-wine';

const wine = inject('wineNode');

describe('stopping a run under Windows Node', () => {
  it('leaves nothing running: the boss, ping, a forked worker, its Node child and its detached ping', async () => {
    const run = await recordUnderWine(wine, windowsPath('tests', 'windows', 'fixtures', 'tree-boss.js'), ['--max-duration', '10000']);
    expect(run.cli.code, run.cli.stderr).toBe(0);
    expect(run.end).toMatchObject({ reason: 'timeout' });
    // Every process had started before the deadline (Windows Node starts slowly under Wine).
    const started = ofType(run.log, 'spawn').filter((s) => s.t < run.end.t - 1_000_000);
    expect(started.map((s) => s.file?.split('\\').pop()?.toLowerCase())).toEqual(expect.arrayContaining(['ping', 'node.exe']));
    expect(started).toHaveLength(4);
    expect(ofType(run.log, 'error').filter((e) => e.where === 'lab')).toEqual([]);
    expect(await stillRunning(wine, pidsOf(run.log))).toEqual([]);
  });
});
