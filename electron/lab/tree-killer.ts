/**
 * Ending a run's processes. On POSIX the boss leads its own process group, so
 * one signal to the group reaches every process that stayed in it; processes
 * that left the group (detached, setsid) are signalled one by one by pid.
 * Windows has neither groups nor signals: tree-killer-windows.ts.
 *
 * One small interface, one implementation per platform, chosen here.
 */
import type { TreeKiller } from './tree-killer-interface';
import { createWindowsKiller } from './tree-killer-windows';

export type { TreeKiller } from './tree-killer-interface';

const posixKiller: TreeKiller = {
  signal(group, pids, signal) {
    if (group !== null) trySignal(-group, signal);
    for (const pid of pids) trySignal(pid, signal);
    if (signal === 'SIGTERM') {
      // A stopped process (SIGSTOP, Ctrl-Z) only acts on SIGTERM once continued.
      if (group !== null) trySignal(-group, 'SIGCONT');
      for (const pid of pids) trySignal(pid, 'SIGCONT');
    }
  },
  killAtExit(group, pids) {
    posixKiller.signal(group, pids, 'SIGKILL');
  },
  groupExists(group) {
    if (!Number.isInteger(group) || group <= 1) return false;
    try {
      process.kill(-group, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  outsideGroup: () => [],
};

export function createTreeKiller(): TreeKiller {
  return process.platform === 'win32' ? createWindowsKiller() : posixKiller;
}

function trySignal(target: number, signal: NodeJS.Signals): void {
  // Never 0, ±1 (every process we may signal) or ourselves.
  if (!Number.isInteger(target) || Math.abs(target) <= 1 || Math.abs(target) === process.pid) return;
  try {
    process.kill(target, signal);
  } catch {
    // ESRCH: already gone. EPERM: not ours to end (reported by the caller if it survives).
  }
}
