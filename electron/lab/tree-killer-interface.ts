/** Ending a run's processes: one interface, implemented for POSIX in tree-killer.ts and for Windows in tree-killer-windows.ts. */
export interface TreeKiller {
  /**
   * Send `signal` to the boss's group (unless null) and to each pid; gone processes are ignored.
   * SIGTERM asks first; SIGKILL, a second later, is for whatever is still running.
   */
  signal(group: number | null, pids: readonly number[], signal: 'SIGTERM' | 'SIGKILL'): void;
  /** The lab is exiting: end the group and the pids now, synchronously (nothing asynchronous runs any more). */
  killAtExit(group: number, pids: readonly number[]): void;
  /** Whether any process (zombies included) is still in the group. */
  groupExists(group: number): boolean;
  /**
   * Of the children the probe saw start and not exit, those still running that
   * groupExists and the OS table do not already answer for: none on POSIX (the
   * group and /proc see them all, and a zombie must not count as running);
   * on Windows, with no group, every one still running.
   */
  outsideGroup(pids: readonly number[]): number[];
}
