/**
 * The site keeper on Windows, under Wine: the boss's parent is the keeper,
 * not `obra record`, so a boss that kills its parent kills the keeper; Obra
 * lives on, stops the run (taskkill over the tree, then each survivor by pid)
 * and says so. Nothing can hold a run on Windows but ancestry, and run-start
 * says that too.
 *
 * A lab killed outright (TerminateProcess: none of its code runs) takes the
 * keeper with it (Node's job object for a child that is not detached), the
 * keeper the boss, and each Node process its children that are not detached.
 * A child started detached, or one whose parent had already ended, is in no
 * such job: nothing ends it then (a stop or the lab's own exit does), and
 * the run's folder stays.
 */
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ofType } from '../../assets/demos/demo-log';
import { pidsOf, recordUnderWine, stillRunning, windowsPath } from './obra-under-wine';
import { runNodeExe } from './wine-node';

const wine = inject('wineNode');

describe('the site keeper under Windows Node', () => {
  it("a boss that kills its parent kills the keeper, not obra: exit 1 with ERR_OBRA_KEEPER_LOST, the run's tree and the keeper gone", async () => {
    const run = await recordUnderWine(wine, windowsPath('tests', 'windows', 'fixtures', 'parent-killer-boss.js'), ['--max-duration', '20000']);
    expect(ofType(run.log, 'run-start')[0].containment).toBe('ancestry');
    const said = JSON.parse(ofType(run.log, 'stdout')[0].preview.replace(/\\n$/, '')) as { child: number; parent: number };
    // obra outlived the kill: it wrote the recording and said why the run ended.
    expect(run.cli.code, run.cli.stderr).toBe(1);
    expect(run.cli.stderr).toMatch(/site keeper \(pid \d+\), the boss's parent, was ended by .*\(ERR_OBRA_KEEPER_LOST\)/);
    expect(run.end).toMatchObject({ reason: 'error', errorCode: 'ERR_OBRA_KEEPER_LOST' });
    expect(run.end.message).toContain(`site keeper (pid ${said.parent})`);
    expect(ofType(run.log, 'spawn').map((s) => s.pid)).toContain(said.child);
    expect(await stillRunning(wine, [...pidsOf(run.log), said.child, said.parent])).toEqual([]);
  });

  it('a lab killed outright takes the keeper, the boss and every Node process with its attached children with it', async () => {
    const fixture = windowsPath('tests', 'windows', 'fixtures', 'lab-killed.cjs');
    const result = await runNodeExe(wine, [fixture, windowsPath('out', 'node', 'electron', 'lab', 'index.js')], { timeoutMs: 90_000 });
    expect(result.code, result.stderr).toBe(0);
    type Proc = { pid: number; ppid: number; file?: string; argv?: string[]; command?: string };
    const run = JSON.parse(result.stdout) as { keeper: number; boss: number; spawns: Proc[]; seen: Proc[]; left: number[]; folder: string; folderLeft: boolean };
    const childrenOf = (ppid: number) => run.spawns.filter((s) => s.ppid === ppid);
    const named = (procs: Proc[], file: RegExp) => procs.filter((s) => file.test(s.file ?? '')).map((s) => s.pid);
    const [worker] = named(childrenOf(run.boss), /node\.exe$/i);
    const [grandchild] = childrenOf(worker).filter((s) => s.argv?.includes('-e')).map((s) => s.pid);
    const attached = [run.keeper, run.boss, ...named(childrenOf(run.boss), /ping$/), worker, grandchild, ...named(childrenOf(grandchild), /ping$/)];
    expect(attached.every(Number.isInteger) && attached.length).toBe(6);
    expect(run.left.filter((pid) => attached.includes(pid))).toEqual([]);
    // What may be left: the worker's detached ping, the ping under the detached cmd.exe, Wine's own helpers.
    const shells = named(childrenOf(worker), /cmd\.exe$/i);
    const unheld = [...named(childrenOf(worker), /ping$/), ...run.seen.filter((p) => shells.includes(p.ppid) || /^(explorer|conhost)\.exe$/i.test(p.command ?? '')).map((p) => p.pid)];
    expect(run.left.filter((pid) => !unheld.includes(pid))).toEqual([]);
    // No code of the lab or the keeper ran: the run's folder stayed (the fixture removed it).
    expect(path.win32.basename(run.folder)).toMatch(/^obra-run-/);
    expect(run.folderLeft).toBe(true);
    // Those the fixture ended itself, by pid.
    expect(await stillRunning(wine, [...new Set([run.keeper, run.boss, ...run.spawns.map((s) => s.pid), ...run.seen.map((s) => s.pid)])])).toEqual([]);
  });
});
