import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { fixture, isAlive, ofType, ppidOf, processesOfRun, waitFor } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe('stopping a run', () => {
  it('leaves no process alive: exec pipeline, forked worker with a child, and a detached grandchild', async () => {
    lab = new Lab({ sampleIntervalMs: 25 });
    const { runId } = await lab.startRun({ file: fixture('tree-boss.js') });
    // The whole tree: boss, sh, sleep, cat, worker, its sleep, its detached sleep, and the orphan
    // in a new session (seen only by the scan for OBRA_RUN in environments).
    const pidOf = (argv: string) => ofType(lab!.log(runId), 'os-process').find((e) => e.argv.join(' ') === argv)?.pid;
    const [detached, orphan] = await waitFor(() => {
      const found = [pidOf('sleep 101'), pidOf('sleep 102')];
      return found.every(Boolean) && pidOf('cat') ? (found as number[]) : null;
    }, 15000, 'the whole tree, escaped grandchildren included');
    await new Promise((r) => setTimeout(r, 1000));
    const seen = new Set(ofType(lab.log(runId), 'os-process').map((e) => e.pid as number));
    expect(seen.size).toBeGreaterThanOrEqual(8);
    expect(processesOfRun(runId)).toEqual(expect.arrayContaining([detached, orphan]));
    // The orphan's parent is no process of the run: no walk of the tree reaches it.
    expect(seen.has(ppidOf(orphan) as number)).toBe(false);

    await lab.stopRun(runId);

    for (const pid of seen) expect(isAlive(pid), `pid ${pid} still alive`).toBe(false);
    expect(processesOfRun(runId)).toEqual([]);
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ type: 'run-end', reason: 'stopped', pid: ofType(lab.log(runId), 'run-start')[0].pid });
    const log = lab.log(runId);
    expect(log[0].type).toBe('run-start');
    expect(log[log.length - 1]).toBe(end);
    expect(ofType(log, 'exit').find((e) => e.childId === 'boss')).toMatchObject({ signal: 'SIGTERM', code: null });
    // Every process seen was also seen to go.
    const gone = new Set(ofType(log, 'os-process').filter((e) => e.state === 'gone').map((e) => e.pid));
    for (const pid of seen) expect(gone.has(pid)).toBe(true);
  });

  it('SIGKILLs, one second after SIGTERM, whatever ignored it', async () => {
    lab = new Lab({ sampleIntervalMs: 20 });
    const { runId } = await lab.startRun({ file: fixture('stubborn-boss.js') });
    await waitFor(() => ofType(lab!.log(runId), 'os-process').some((e) => e.command === 'sleep'), 5000, 'the shell loop');
    const pids = new Set(ofType(lab.log(runId), 'os-process').map((e) => e.pid as number));
    const began = Date.now();
    await lab.stopRun(runId);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1000);
    const log = lab.log(runId);
    expect(ofType(log, 'stdout').map((e) => e.preview).join('')).toContain('boss: SIGTERM ignored');
    expect(ofType(log, 'exit').find((e) => e.childId === 'boss')).toMatchObject({ code: null, signal: 'SIGKILL' });
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(processesOfRun(runId)).toEqual([]);
  });

  it('ends with reason timeout at maxDurationMs', async () => {
    lab = new Lab();
    const began = Date.now();
    const { runId } = await lab.startRun({ file: fixture('idle-boss.js'), maxDurationMs: 400 });
    const end = await lab.ended(runId);
    expect(end.reason).toBe('timeout');
    expect(Date.now() - began).toBeGreaterThanOrEqual(400);
    expect(end.t).toBeGreaterThanOrEqual(400_000);
    expect(end.signal).toBe('SIGTERM');
    expect(isAlive(end.pid as number)).toBe(false);
  });

  it('shutdown() stops every run and refuses new ones', async () => {
    lab = new Lab();
    const a = await lab.startRun({ file: fixture('idle-boss.js') });
    const b = await lab.startRun({ file: fixture('many-sleepers.js'), args: ['3'] });
    await waitFor(() => processesOfRun(b.runId).length === 4, 5000, 'three sleepers');
    const pids = [...processesOfRun(a.runId), ...processesOfRun(b.runId)];
    await lab.shutdown();
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect((await lab.ended(a.runId)).reason).toBe('stopped');
    expect((await lab.ended(b.runId)).reason).toBe('stopped');
    await expect(lab.startRun({ file: fixture('idle-boss.js') })).rejects.toMatchObject({ code: 'ERR_OBRA_SHUT_DOWN' });
  });
});
