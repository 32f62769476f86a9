/**
 * The Windows tree killer, run here on real processes (process.kill ends and
 * asks about them on both systems); taskkill exists only on Windows, so its
 * command lines are checked as built. Under Wine the whole path runs for real
 * (tests/windows).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createWindowsKiller, taskkillArgs, windowsTools, type WindowsTools } from './tree-killer-windows';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** A real process that idles until ended; resolves with its pid once it runs. */
async function idler(): Promise<{ pid: number; exited: Promise<string | null> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  started.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return { pid: child.pid as number, exited: new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal))) };
}

/** The real tools, with taskkill's runs written down instead of started. */
function recordingTools(): WindowsTools & { runs: string[][]; finishRun: () => void; syncRuns: string[][] } {
  const pending: (() => void)[] = [];
  const tools = {
    ...windowsTools,
    runs: [] as string[][],
    syncRuns: [] as string[][],
    run: (file: string, args: string[], done: () => void) => {
      tools.runs.push([file, ...args]);
      pending.push(done);
    },
    runSync: (file: string, args: string[]) => void tools.syncRuns.push([file, ...args]),
    finishRun: () => pending.shift()?.(),
  };
  return tools;
}

describe('ending a run on Windows', () => {
  it('asks taskkill for each tree, forced: /T /F /PID <boss> /PID <pid>…', () => {
    expect(taskkillArgs([300, 336, 468])).toEqual(['/T', '/F', '/PID', '300', '/PID', '336', '/PID', '468']);
  });

  it('first runs one taskkill over the boss and every known pid, never two at once, never pid 0, 4 or its own', async () => {
    const tools = recordingTools();
    const killer = createWindowsKiller(tools);
    killer.signal(300, [336, 300, 0, 4, process.pid, 468], 'SIGTERM');
    killer.signal(null, [512], 'SIGTERM');
    expect(tools.runs).toEqual([['taskkill', '/T', '/F', '/PID', '300', '/PID', '336', '/PID', '468']]);
    tools.finishRun();
    killer.signal(null, [512], 'SIGTERM');
    expect(tools.runs[1]).toEqual(['taskkill', '/T', '/F', '/PID', '512']);
  });

  it('then ends every process still running one by one, at once', async () => {
    const tools = recordingTools();
    const killer = createWindowsKiller(tools);
    const [boss, worker] = [await idler(), await idler()];
    expect(killer.groupExists(boss.pid)).toBe(true);
    expect(killer.outsideGroup([worker.pid, 999_999])).toEqual([worker.pid]);
    killer.signal(boss.pid, [worker.pid], 'SIGKILL');
    expect(await boss.exited).toBe('SIGKILL');
    expect(await worker.exited).toBe('SIGKILL');
    expect(killer.groupExists(boss.pid)).toBe(false);
    expect(killer.outsideGroup([worker.pid])).toEqual([]);
    expect(tools.runs).toEqual([]);
  });

  it('at the lab’s exit, runs taskkill to its end first, then ends each known process', async () => {
    const tools = recordingTools();
    const killer = createWindowsKiller(tools);
    const [boss, worker] = [await idler(), await idler()];
    killer.killAtExit(boss.pid, [worker.pid]);
    expect(tools.syncRuns).toEqual([['taskkill', ...taskkillArgs([boss.pid, worker.pid])]]);
    expect(await boss.exited).toBe('SIGKILL');
    expect(await worker.exited).toBe('SIGKILL');
  });
});
