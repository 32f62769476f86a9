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
import type { OsProcess, ProcessTable } from './process-table';
import { createProcProcessTable } from './os-sampler-proc';
import { createPsProcessTable } from './os-sampler-ps';
import { createWindowsProcessTable } from './os-sampler-windows';

export type { OsProcess, ProcessSnapshot, ProcessTable } from './process-table';

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
