import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { buildLab } from '../../tests/fixtures/lab/build-lab';
import { fixture, isAlive, ofType, processesOfRun, waitFor } from '../../tests/fixtures/lab/lab-support';

const built = buildLab();
const runIds: string[] = [];
afterAll(() => {
  // Should the lab fail, its runs do not outlive the test.
  for (const id of runIds) for (const pid of processesOfRun(id)) process.kill(pid, 'SIGKILL');
  fs.rmSync(built.root, { recursive: true, force: true });
});

/** Host a lab in a process of its own; resolves once its run's whole tree is there. */
async function hostLab(mode: 'exit' | 'throw' | 'signal') {
  const host = spawn(process.execPath, [fixture('lab-host.cjs'), built.labIndex, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => host.on('exit', (code, signal) => resolve({ code, signal })));
  host.stderr.resume();
  const first = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: host.stdout }).once('line', resolve);
    host.once('exit', () => reject(new Error('the lab host ended before its run began')));
  });
  const { runId, pids, folder } = JSON.parse(first) as { runId: string; pids: number[]; folder: string };
  runIds.push(runId);
  expect(pids.length).toBeGreaterThanOrEqual(8);
  expect(path.basename(folder)).toMatch(/^obra-run-/);
  return { host, exited, runId, pids, folder };
}

describe("when the lab's own process ends, its runs end with it", () => {
  it.each(['exit', 'throw'] as const)('on %s: every process of the run is killed', async (mode) => {
    const { exited, runId, pids, folder } = await hostLab(mode);
    expect((await exited).code).toBe(mode === 'exit' ? 3 : 1);
    // SIGKILLed processes take a moment to end: their environment is unreadable before they have.
    await waitFor(() => processesOfRun(runId).length === 0 && pids.every((pid) => !isAlive(pid)), 2000, 'the run to be gone');
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('on SIGTERM: the runs are stopped, then the lab dies of the signal', async () => {
    const { host, exited, runId, pids, folder } = await hostLab('signal');
    host.kill('SIGTERM');
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(processesOfRun(runId)).toEqual([]);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('on SIGKILL, which no code of the lab sees: the site keeper ends the tree and removes the folder', async () => {
    const { host, exited, runId, pids, folder } = await hostLab('signal');
    host.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    await waitFor(() => processesOfRun(runId).length === 0 && !fs.existsSync(folder), 3000, 'the tree and its folder to be gone');
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });
});

describe('after its runs end', () => {
  it('nothing of the lab keeps its process alive: no timer, handle or signal handler', async () => {
    const host = spawn(process.execPath, [fixture('lab-host.cjs'), built.labIndex, 'natural'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number>((resolve) => host.on('exit', () => resolve(Date.now())));
    const line = await new Promise<string>((resolve) => readline.createInterface({ input: host.stdout }).once('line', resolve));
    const { end, at } = JSON.parse(line);
    expect(end).toMatchObject({ type: 'run-end', reason: 'exit', code: 0 });
    expect((await exited) - at).toBeLessThan(500);
  });
});

describe('when the boss exits and leaves processes behind', () => {
  it('they get a short grace, then are stopped; the run still ended by exit', async () => {
    const lab = new Lab({ sampleIntervalMs: 20 });
    try {
      const { runId } = await lab.startRun({ file: fixture('leaves-child.js') });
      runIds.push(runId);
      const end = await lab.ended(runId);
      const log = lab.log(runId);
      const sleeper = Number(ofType(log, 'stdout')[0].preview.replace('\\n', ''));
      expect(end).toMatchObject({ reason: 'exit', code: 0, signal: null });
      expect(isAlive(sleeper)).toBe(false);
      const bossExit = ofType(log, 'exit').find((e) => e.childId === 'boss');
      expect(end.t - (bossExit?.t ?? 0)).toBeGreaterThanOrEqual(500_000);
      // Seen (maybe first between fork and exec, then again as sleep), then gone.
      const states = ofType(log, 'os-process').filter((e) => e.pid === sleeper);
      expect(states.at(-1)?.state).toBe('gone');
      expect(states.at(-2)).toMatchObject({ state: 'seen', argv: ['sleep', '30'] });
    } finally {
      await lab.shutdown();
    }
  });
});
