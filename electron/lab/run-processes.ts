/**
 * What the OS says about a run's processes, for the record gate
 * (record-gate.ts): a process's parent and environment from the process
 * table, and which pids were handed out since the run began.
 *
 * Linux hands out pids in turn, wrapping at pid_max; /proc/loadavg's last
 * field is the pid handed out last (in this pid namespace). Every pid after
 * the one last handed out when the run began, up to the one last handed out
 * now, went to a process started during the run.
 */
import fs from 'node:fs';
import { type ProcessTable, isGone } from './os-sampler';
import type { RunProcesses } from './record-gate';

/**
 * Call just before the boss is spawned. Null where the table cannot answer
 * for one pid at once: only /proc reads a single process cheaply (a `ps` or
 * ntdll table is read whole, once per poll).
 */
export function runProcesses(table: ProcessTable | null, runId: string): RunProcesses | null {
  if (!table || table.source !== 'proc' || !table.environHas) return null;
  const environHas = table.environHas.bind(table);
  const entry = Buffer.from(`OBRA_RUN=${runId}`);
  const first = lastPidHandedOut();
  // The /proc snapshot reads each process when asked, so one serves every later question.
  const proc = table.snapshotSync();
  return {
    parentOf: (pid) => (pid > 0 ? (proc.read(pid)?.ppid ?? null) : null),
    isRunning: (pid) => pid > 0 && !isGone(proc.read(pid)),
    carriesRun: (pid) => environHas(pid, entry),
    handedOutDuringRun: (pid) => {
      const last = first === null ? null : lastPidHandedOut();
      if (first === null || last === null) return null;
      return last >= first ? pid > first && pid <= last : pid > first || (pid > 0 && pid <= last);
    },
  };
}

/** The pid the kernel handed out last, or null where /proc/loadavg does not say. */
function lastPidHandedOut(): number | null {
  try {
    const last = Number(fs.readFileSync('/proc/loadavg', 'latin1').trim().split(' ')[4]);
    return Number.isInteger(last) && last > 0 ? last : null;
  } catch {
    return null;
  }
}
