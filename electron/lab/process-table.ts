/**
 * The OS's process table, as the lab reads it: one small interface, one
 * implementation per platform (os-sampler-proc.ts, os-sampler-ps.ts,
 * os-sampler-windows.ts), chosen in os-sampler.ts.
 */
/** One process as the OS reports it. */
export interface OsProcess {
  pid: number;
  ppid: number;
  /** Process group; -1 where the OS has none (Windows). */
  pgrp: number;
  /** R, S, D, T, Z (zombie: exited, not yet reaped)… (macOS adds I idle, U uninterruptible). */
  state: string;
  /** The program's short name (`sh`, `sleep`, `node`, `cmd.exe`). */
  command: string;
  /** CPU time used (user + system), in the table's ticks. */
  cpuTicks: number;
  /**
   * When it started, in a unit of the table's own (ticks since boot, seconds
   * since the epoch, FILETIME): tells a process from a later one with the
   * same pid, and a child from a process older than its parent.
   */
  startTicks: number;
  rssBytes: number;
}

/** The process table as one poll sees it. */
export interface ProcessSnapshot {
  read(pid: number): OsProcess | null;
  /**
   * Pids of the process's direct children; [] when it is gone. On Linux a
   * child belongs to the thread that started it: `allThreads` false looks at
   * the main thread only (Node starts children from its main thread; much
   * cheaper). Tables read whole ignore it.
   */
  childrenOf(pid: number, allThreads: boolean): number[];
  allPids(): number[];
}

export interface ProcessTable {
  /** Which OS interface answers: 'proc', 'ps', 'ntdll'. */
  readonly source: string;
  readonly ticksPerSecond: number;
  /** A look at the table for one poll (never two at once: a poll waits for the last). */
  snapshot(): Promise<ProcessSnapshot>;
  /** The same, blocking: for stopping a tree and for the lab's exit, which cannot wait. */
  snapshotSync(): ProcessSnapshot;
  /** The argument vectors of these pids (one OS call for all where the OS charges per call); gone pids are left out. */
  argvs(pids: readonly number[]): Promise<Map<number, string[]>>;
  /**
   * Whether the process's initial environment holds `entry` (e.g.
   * `OBRA_RUN=…`); null if unreadable. Where neither this nor environsHave
   * exists (Windows), the run's escaped processes are found by ancestry only
   * (os-sampler-lineage.ts).
   */
  environHas?(pid: number, entry: Buffer): boolean | null;
  /**
   * The same for many pids in one OS call, where that is how environments are
   * read (`ps` shows the environments of this user's processes); a pid left
   * out could not be read.
   */
  environsHave?(pids: readonly number[], entry: string): Promise<Map<number, boolean>>;
}
