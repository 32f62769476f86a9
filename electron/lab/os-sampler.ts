/**
 * OS sampling: every process of a run's tree — Node or not (the `/bin/sh` of
 * exec, the `sleep` under it) — seen by polling the OS process table.
 * Short-lived processes between two polls are missed: the UI says "sampled".
 *
 * One small interface (ProcessTable) with one implementation per platform,
 * chosen in createProcessTable().
 */
import type { LabEvent } from '../../shared/events';
import { createProcProcessTable } from './os-sampler-proc';

/** One process as the OS reports it. */
export interface OsProcess {
  pid: number;
  ppid: number;
  pgrp: number;
  /** R, S, D, T, Z (zombie: exited, not yet reaped)… */
  state: string;
  /** The kernel's short name of the program (`sh`, `sleep`, `node`). */
  command: string;
  /** CPU time used (user + system) in clock ticks. */
  cpuTicks: number;
  /** When it started, in ticks since boot: tells a process from a later one with the same pid. */
  startTicks: number;
  rssBytes: number;
}

export interface ProcessTable {
  readonly ticksPerSecond: number;
  read(pid: number): OsProcess | null;
  /**
   * Pids of the process's direct children; [] when it is gone. A child belongs
   * to the thread that started it: `allThreads` false looks at the main
   * thread only (Node starts children from its main thread; much cheaper).
   */
  childrenOf(pid: number, allThreads: boolean): number[];
  argv(pid: number): string[];
  allPids(): number[];
  /** Whether the process's initial environment holds `entry` (e.g. `OBRA_RUN=…`); null if unreadable. */
  environHas(pid: number, entry: Buffer): boolean | null;
}

let table: ProcessTable | null | undefined;

/** The platform's process table, or null where Obra cannot sample yet. */
export function createProcessTable(): ProcessTable | null {
  if (table !== undefined) return table;
  if (process.platform === 'linux') table = createProcProcessTable();
  // Windows would go here: a table over `pidusage`/WMI (Win32_Process gives
  // ParentProcessId, CommandLine, WorkingSetSize, times); macOS over `ps -axo`
  // or libproc. Neither exists yet: runs there are observed by the probe only.
  else table = null;
  return table;
}

export function isGone(p: OsProcess | null): p is null {
  return p === null || p.state === 'Z' || p.state === 'X' || p.state === 'x';
}

export const ARGV_MAX = { args: 64, chars: 1000 };

/** argv bounded for the log: at most 64 arguments of 1,000 characters, cuts marked '…'. */
export function boundArgv(argv: string[]): string[] {
  const out = argv.slice(0, ARGV_MAX.args).map((a) => (a.length > ARGV_MAX.chars ? a.slice(0, ARGV_MAX.chars) + '…' : a));
  if (argv.length > ARGV_MAX.args) out.push(`… ${argv.length - ARGV_MAX.args} more`);
  return out;
}

export type OsEvent = Extract<LabEvent, { type: 'os-process' | 'sample' }>;
