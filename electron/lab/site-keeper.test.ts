import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keeperEnv } from './boss-launch';
import { Lab } from './index';
import { keeperEntry } from './paths';
import { KeeperSupply, startThroughKeeper } from './site-keeper';
import { isAlive, ofType, waitFor } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

/** This process's children that run the site keeper, read from /proc. */
function keepers(): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (ppid === process.pid && argv.some((a) => a.endsWith('site-keeper.cjs')) && isAlive(Number(name))) out.push(Number(name));
    } catch {
      // Gone.
    }
  }
  return out;
}

const printsItsParent = { source: { name: 'parent.js', text: 'console.log(process.ppid)\n' } };

async function parentOfBoss(l: Lab): Promise<number> {
  const { runId } = await l.startRun(printsItsParent);
  await l.ended(runId);
  return Number(ofType(l.log(runId), 'stdout')[0].preview.replace(/\\n$/, ''));
}

describe('the site keeper', () => {
  it("is the boss's parent, one per run, and is gone when the run is", async () => {
    lab = new Lab();
    expect(keepers()).toEqual([]);
    const parent = await parentOfBoss(lab);
    expect(parent).not.toBe(process.pid);
    await waitFor(() => !isAlive(parent), 2000, 'the keeper to exit');
    expect(keepers()).toEqual([]);
  });

  it('with spareKeeper, one is started ahead and taken by the next run; shutdown ends the one waiting', async () => {
    lab = new Lab({ spareKeeper: true });
    const [spare] = await waitFor(() => (keepers().length === 1 ? keepers() : null), 5000, 'a spare keeper');
    expect(await parentOfBoss(lab)).toBe(spare);
    const [next] = await waitFor(() => (keepers().length === 1 && keepers()[0] !== spare ? keepers() : null), 5000, 'the next spare');
    expect(await parentOfBoss(lab)).toBe(next);
    await lab.shutdown();
    await waitFor(() => keepers().length === 0, 2000, 'no keeper left');
  });

  it('runs without the probe or any run id in its environment', () => {
    const env = keeperEnv({ ELECTRON_RUN_AS_NODE: '1' }, { PATH: '/bin', NODE_OPTIONS: '--require probe.cjs', OBRA_RUN: 'r', OBRA_REPORT: '/x', OBRA_T0: '1', ELECTRON_RUN_AS_NODE: '0' });
    expect(env).toEqual({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' });
  });

  it("a boss that cannot be started: Node's own code, said by the keeper, which then exits", async () => {
    const keeper = new KeeperSupply(process.execPath, keeperEntry(), keeperEnv({}), false).take();
    const launch = { keeper, node: '/nonexistent/node', args: ['boss.js'], cwd: os.tmpdir(), env: {}, dir: path.join(os.tmpdir(), 'obra-run-none'), cgroups: [], subreaperWith: null };
    await expect(startThroughKeeper(launch)).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringContaining('/nonexistent/node') });
    await waitFor(() => keeper.exitCode !== null, 2000, 'the keeper to exit');
    expect(keeper.exitCode).toBe(0);
  });

  it("tells the boss's exit when the keeper's word of its start and of its exit are read together", async () => {
    const keeper = new KeeperSupply(process.execPath, keeperEntry(), keeperEnv({}), false).take();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-run-'));
    const started = startThroughKeeper({ keeper, node: process.execPath, args: ['-e', ''], cwd: dir, env: {}, dir, cgroups: [], subreaperWith: null });
    // The lab busy (a loaded machine): the boss starts and exits, and both status lines wait in the pipe.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
    const boss = await started;
    const exit = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the boss exited, and its exit was never told')), 5000);
      boss.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal });
      });
    });
    expect(exit).toEqual({ code: 0, signal: null });
    boss.release();
    await waitFor(() => keeper.exitCode !== null, 2000, 'the keeper to exit');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
