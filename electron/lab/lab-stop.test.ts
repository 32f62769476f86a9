import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { fixture, isAlive, ofType, processesOfRun, waitFor } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe('stopping a run', () => {
  it('leaves no process alive: exec pipeline, forked worker with a child, and a detached grandchild', async () => {
    lab = new Lab({ sampleIntervalMs: 25 });
    const { runId, header } = await lab.startRun({ file: fixture('tree-boss.js') });
    // Wait until the whole tree exists: boss, sh, sleep, cat, worker, its sleep, the escaped sleep.
    const escapedPid = await waitFor(() => {
      const argvs = ofType(lab!.log(runId), 'os-process').map((e) => e.argv.join(' '));
      return argvs.includes('sleep 101') && argvs.includes('sleep 100') && argvs.some((a) => a.startsWith('cat')) && ofType(lab!.log(runId), 'os-process').find((e) => e.argv.join(' ') === 'sleep 101')?.pid;
    }, 8000, 'the whole tree, escaped grandchild included');
    await new Promise((r) => setTimeout(r, 1000));
    const seen = new Set(ofType(lab.log(runId), 'os-process').map((e) => e.pid));
    expect(seen.size).toBeGreaterThanOrEqual(7);
    expect(processesOfRun(runId)).toContain(escapedPid);

    await lab.stopRun(runId);

    for (const pid of seen) expect(isAlive(pid), `pid ${pid} still alive`).toBe(false);
    expect(processesOfRun(runId)).toEqual([]);
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ type: 'run-end', reason: 'stopped', pid: header && end.pid });
    const log = lab.log(runId);
    expect(log[0].type).toBe('run-start');
    expect(log[log.length - 1]).toBe(end);
    expect(ofType(log, 'exit').find((e) => e.childId === 'boss')).toMatchObject({ signal: 'SIGTERM', code: null });
    // Every process seen was also seen to go.
    const gone = new Set(ofType(log, 'os-process').filter((e) => e.state === 'gone').map((e) => e.pid));
    for (const pid of seen) expect(gone.has(pid)).toBe(true);
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
