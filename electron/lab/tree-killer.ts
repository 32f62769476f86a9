/**
 * Ending a run's processes. The boss leads its own process group, so one
 * signal to the group reaches every process that stayed in it; processes
 * that left the group (detached, setsid) are signalled one by one by pid.
 *
 * One small interface, one implementation per platform, chosen here.
 */
import { execFile } from 'node:child_process';

export interface TreeKiller {
  /** Send `signal` to the boss's group (unless null) and to each pid; gone processes are ignored. */
  signal(group: number | null, pids: readonly number[], signal: 'SIGTERM' | 'SIGKILL'): void;
  /** Whether any process (zombies included) is still in the group. */
  groupExists(group: number): boolean;
}

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
  groupExists(group) {
    if (!Number.isInteger(group) || group <= 1) return false;
    try {
      process.kill(-group, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};

/**
 * Windows (untested: our machines are Linux): no process groups or signals;
 * `taskkill /T /F /PID` ends a process and its descendants at once, so both
 * signals map to it. Processes whose parent already died are not reached.
 */
const windowsKiller: TreeKiller = {
  signal(group, pids) {
    for (const pid of new Set(group === null ? pids : [group, ...pids])) execFile('taskkill', ['/T', '/F', '/PID', String(pid)], () => {});
  },
  groupExists(group) {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  },
};

export function createTreeKiller(): TreeKiller {
  return process.platform === 'win32' ? windowsKiller : posixKiller;
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
