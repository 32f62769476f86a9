/**
 * OS sampling: every process of a run's tree — Node or not (the `/bin/sh` of
 * exec, the `sleep` under it, `cmd.exe` and `ping` on Windows) — seen by
 * polling the OS process table. Short-lived processes between two polls are
 * missed: the UI says "sampled".
 *
 * One small interface (ProcessTable) with one implementation per platform,
 * chosen in createProcessTable(): Linux reads /proc, macOS runs `ps`, Windows
 * asks ntdll through koffi. A poll works on one ProcessSnapshot: on Linux it
 * reads /proc lazily, file by file, for the few processes of the tree; where
 * the table only comes whole (one `ps` run, one system call) the snapshot
 * holds it all.
 */
import type { LabEvent } from '../../shared/events';
import { createProcProcessTable } from './os-sampler-proc';
import { createPsProcessTable } from './os-sampler-ps';
import { createWindowsProcessTable } from './os-sampler-windows';

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

/** A platform's process table, or null with the reason. */
export function openProcessTable(platform: NodeJS.Platform): { table: ProcessTable; problem: null } | { table: null; problem: string } {
  try {
    if (platform === 'linux') return { table: createProcProcessTable(), problem: null };
    if (platform === 'win32') return { table: createWindowsProcessTable(), problem: null };
    return { table: createPsProcessTable(), problem: null };
  } catch (err) {
    return { table: null, problem: `the process table could not be read (${(err as Error).message})` };
  }
}

let opened: ReturnType<typeof openProcessTable> | undefined;

/** This platform's process table, opened once; null where Obra cannot sample (see processTableProblem()). */
export function createProcessTable(): ProcessTable | null {
  opened ??= openProcessTable(process.platform);
  return opened.table;
}

/** Why createProcessTable() gave null, for the run's notice; null when it did not. */
export function processTableProblem(): string | null {
  return opened?.problem ?? null;
}

export function isGone(p: OsProcess | null): p is null {
  return p === null || p.state === 'Z' || p.state === 'X' || p.state === 'x';
}

/** "123 (sleep), 124 (sh)": pids with their programs, where the table names them. */
export function namedPids(table: ProcessTable | null, pids: readonly number[]): string {
  const snapshot = table?.snapshotSync();
  return pids
    .map((pid) => {
      const p = snapshot?.read(pid);
      return p ? `${pid} (${p.command})` : String(pid);
    })
    .join(', ');
}

export const ARGV_MAX = { args: 64, chars: 1000 };

/** argv bounded for the log: at most 64 arguments of 1,000 characters, cuts marked '…'. */
export function boundArgv(argv: string[]): string[] {
  const out = argv.slice(0, ARGV_MAX.args).map((a) => (a.length > ARGV_MAX.chars ? a.slice(0, ARGV_MAX.chars) + '…' : a));
  if (argv.length > ARGV_MAX.args) out.push(`… ${argv.length - ARGV_MAX.args} more`);
  return out;
}

export type OsEvent = Extract<LabEvent, { type: 'os-process' | 'sample' }>;
