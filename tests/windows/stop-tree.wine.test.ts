/**
 * Stopping a run on Windows, for real under Wine: Wine's taskkill has no /T,
 * so this is the path where every process the probe reported, and every one
 * the OS table found, is terminated one by one. (The taskkill command lines
 * themselves are checked in electron/lab/tree-killer-windows.test.ts.)
 */
import { describe, expect, inject, it } from 'vitest';
import { bossLine, ofType } from '../../assets/demos/demo-log';
import { expectOsFiguresCount, hasProbeFigures, nodePids, pidsOf, recordUnderWine, stillRunning, windowsPath } from './obra-under-wine';

const wine = inject('wineNode');

describe('stopping a run under Windows Node', () => {
  it('leaves nothing running: the boss, ping, a forked worker, its Node child (env of its own) with its ping, a detached ping, and a ping only the OS table found, whose cmd.exe was gone', async () => {
    const run = await recordUnderWine(wine, windowsPath('tests', 'windows', 'fixtures', 'tree-boss.js'), ['--max-duration', '10000']);
    expect(run.cli.code, run.cli.stderr).toBe(0);
    expect(run.end).toMatchObject({ reason: 'timeout' });
    // Every process had started before the deadline (Windows Node starts slowly under Wine).
    const started = ofType(run.log, 'spawn').filter((s) => s.t < run.end.t - 1_000_000);
    expect(started.map((s) => s.file?.split('\\').pop()?.toLowerCase()).sort()).toEqual(['cmd.exe', 'node.exe', 'node.exe', 'ping', 'ping', 'ping']);
    // The ping of the Node child started with an env of its own was reported: the probe reached it.
    expect(started.filter((s) => s.file === 'ping').map((s) => s.ppid)).toContain(started.find((s) => s.argv?.includes('-e'))?.pid);
    // Carried from process to process, the probe is required once, not once more per generation.
    bossLine(run.log, /^worker: children started; NODE_OPTIONS has 1 --require$/);
    // The ping under the detached cmd.exe: no probe reported it; the table saw it under cmd.exe, which was terminated before the stop.
    const shell = started.find((s) => s.file?.toLowerCase().endsWith('cmd.exe'));
    bossLine(run.log, /^worker: cmd\.exe terminated, its ping left running$/);
    const orphan = ofType(run.log, 'os-process').find((e) => e.state === 'seen' && e.ppid === shell?.pid && /^ping(\.exe)?$/i.test(e.command));
    expect(orphan, 'a ping under the detached cmd.exe, seen by the OS table').toBeDefined();
    expect(ofType(run.log, 'spawn').map((s) => s.pid)).not.toContain(orphan?.pid);
    expect(ofType(run.log, 'os-process').find((e) => e.state === 'gone' && e.pid === shell?.pid)?.t).toBeLessThan(run.end.t);
    expect(ofType(run.log, 'error').filter((e) => e.where === 'lab')).toEqual([]);
    // The three Node processes lived for seconds: each reported its own CPU and RSS, and the OS sampled each.
    expect(nodePids(run.log).filter((pid) => hasProbeFigures(run.log, pid))).toHaveLength(3);
    expect(nodePids(run.log).filter((pid) => ofType(run.log, 'sample').some((e) => e.pid === pid && e.elu === undefined))).toHaveLength(3);
    expectOsFiguresCount(run.log);
    expect(await stillRunning(wine, pidsOf(run.log))).toEqual([]);
  });
});
