/**
 * Ending a run's processes on Windows, where there are no process groups and
 * no signals: a process is terminated (TerminateProcess), never asked.
 *
 * - First (the SIGTERM step): `taskkill /T /F /PID <boss> /PID <pid>…` ends
 *   each listed process with its descendants, found through their parent
 *   links — which only lead somewhere while the parents live, so this comes
 *   before anything is ended one by one. One taskkill at a time.
 * - Then (the SIGKILL step, only for what is still running): every process
 *   the probe and the OS table know, one by one (process.kill: TerminateProcess).
 *   Wine's taskkill has no /T: there this step does the whole work.
 * - When the lab itself exits: the same, synchronously.
 *
 * "Alive" is asked of the OS (process.kill(pid, 0)), which on Windows answers
 * for a process still running, not one that exited.
 *
 * What helps: Node puts every child it starts without `detached` in a job
 * object that ends the child when its parent ends, so a Node process takes its
 * plain children with it. What does not: detached children, and the children
 * of programs that are not Node (the ping under exec's cmd.exe) — /T, the OS
 * table and the probe's pids are for those.
 */
import { execFile, execFileSync } from 'node:child_process';
import type { TreeKiller } from './tree-killer-interface';

export interface WindowsTools {
  /** Start a program, call back when it ended (execFile). */
  run(file: string, args: string[], done: () => void): void;
  /** Run a program to its end, at most timeoutMs (execFileSync); failures are ignored. */
  runSync(file: string, args: string[], timeoutMs: number): void;
  /** End one process now; false if there was none to end. */
  terminate(pid: number): boolean;
  isRunning(pid: number): boolean;
}

/** taskkill's own time at the lab's exit; past it the known processes are still ended one by one. */
const EXIT_TASKKILL_MS = 3000;

export const windowsTools: WindowsTools = {
  run: (file, args, done) => void execFile(file, args, { windowsHide: true, timeout: 10_000 }, () => done()),
  runSync: (file, args, timeoutMs) => {
    try {
      execFileSync(file, args, { windowsHide: true, timeout: timeoutMs, stdio: 'ignore' });
    } catch {
      // Some pid was already gone (taskkill exits 128), or /T is unknown (Wine): the one-by-one step follows.
    }
  },
  terminate: (pid) => {
    try {
      return process.kill(pid, 'SIGKILL');
    } catch {
      return false; // ESRCH: already gone. EPERM: not ours (reported by the caller if it survives).
    }
  },
  isRunning: (pid) => {
    try {
      return process.kill(pid, 0);
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};

/** `taskkill /T /F /PID a /PID b…`: each process and its descendants, forced. */
export function taskkillArgs(pids: readonly number[]): string[] {
  return ['/T', '/F', ...pids.flatMap((pid) => ['/PID', String(pid)])];
}

export function createWindowsKiller(tools: WindowsTools = windowsTools): TreeKiller {
  let taskkillRunning = false;
  const targets = (group: number | null, pids: readonly number[]) => [...new Set(group === null ? pids : [group, ...pids])].filter(isOther);
  return {
    signal(group, pids, signal) {
      const all = targets(group, pids);
      if (!all.length) return;
      if (signal === 'SIGKILL') {
        for (const pid of all) tools.terminate(pid);
        return;
      }
      if (taskkillRunning) return; // those it misses get the one-by-one step
      taskkillRunning = true;
      tools.run('taskkill', taskkillArgs(all), () => (taskkillRunning = false));
    },
    killAtExit(group, pids) {
      const all = targets(group, pids);
      if (!all.length) return;
      tools.runSync('taskkill', taskkillArgs(all), EXIT_TASKKILL_MS);
      for (const pid of all) tools.terminate(pid);
    },
    groupExists: (group) => isOther(group) && tools.isRunning(group),
    outsideGroup: (pids) => pids.filter((pid) => isOther(pid) && tools.isRunning(pid)),
  };
}

/** Never 0 (the idle process), 4 (System), ourselves, or what is not a pid. */
function isOther(pid: number): boolean {
  return Number.isInteger(pid) && pid > 4 && pid !== process.pid;
}
