import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createProcessTable } from './os-sampler';
import { TreeSampler } from './os-sampler-tree';
import { fixture, isAlive, waitFor } from '../../tests/fixtures/lab/lab-support';

const table = createProcessTable();
const started: number[] = [];
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A real tree: a node boss with `n` sleeping children, in its own group, tagged as run `runId`. */
function startTree(n: number, runId: string): number {
  const boss = spawn(process.execPath, [fixture('many-sleepers.js'), String(n)], { detached: true, stdio: 'ignore', env: { ...process.env, OBRA_RUN: runId } });
  started.push(boss.pid as number);
  return boss.pid as number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe.runIf(process.platform === 'linux')('OS sampling from /proc', () => {
  it('sees a boss and its 20 children, each once, then sees them go', async () => {
    const boss = startTree(20, 'sampler-test-1');
    const sampler = new TreeSampler(table!, boss, 'sampler-test-1', () => 0);
    const seen = new Map<number, string>();
    await waitFor(() => {
      for (const e of sampler.poll()) if (e.type === 'os-process' && e.state === 'seen') seen.set(e.pid as number, e.argv.join(' '));
      return [...seen.values()].filter((a) => a === 'sleep 30').length === 20;
    }, 5000, '20 sleepers');
    expect(sampler.alive().size).toBe(21);
    expect(sampler.survivors().sort()).toEqual([...sampler.alive()].sort());
    process.kill(-boss, 'SIGKILL');
    await waitFor(() => ![...seen.keys()].some(isAlive), 3000, 'the tree to die');
    const gone = sampler.poll().filter((e) => e.type === 'os-process' && e.state === 'gone');
    expect(gone).toHaveLength(21);
    expect(sampler.alive().size).toBe(0);
  });

  it('is cheap: cost of a poll and of an environment scan (printed)', async () => {
    const boss = startTree(20, 'sampler-test-2');
    const sampler = new TreeSampler(table!, boss, 'sampler-test-2', () => 0);
    await waitFor(() => (sampler.poll(), sampler.alive().size === 21), 5000, '21 processes');
    const polls: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = process.hrtime.bigint();
      sampler.poll();
      polls.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const firstScan = process.hrtime.bigint();
    sampler.scanEnvirons();
    const firstScanMs = Number(process.hrtime.bigint() - firstScan) / 1e6;
    const scans: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = process.hrtime.bigint();
      sampler.scanEnvirons();
      scans.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const machine = table!.allPids().length;
    console.log(`OS sampling, 21-process tree, ${machine} processes on the machine: poll median ${median(polls).toFixed(3)} ms (max ${Math.max(...polls).toFixed(3)}); environment scan first ${firstScanMs.toFixed(3)} ms, then median ${median(scans).toFixed(3)} ms`);
    expect(median(polls)).toBeLessThan(10);
    expect(median(scans)).toBeLessThan(10);
  });
});
