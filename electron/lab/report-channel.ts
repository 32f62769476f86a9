/**
 * The report channel: how every observed process tells the lab what happened.
 *
 * Contract with the probe (electron/probe):
 * - the lab puts the channel's address in the environment as OBRA_REPORT,
 *   the run's clock origin as OBRA_T0 (process.hrtime.bigint() in ns, decimal),
 *   and the run id as OBRA_RUN;
 * - a process writes records as whole lines of JSON (one LabEvent each,
 *   `t` already relative to OBRA_T0 in µs, at most MAX_RECORD_BYTES with its
 *   newline), synchronously, so nothing is lost when it exits;
 * - records of different processes never interleave: on POSIX every process
 *   writes to one FIFO, each write ≤ 4,096 bytes (PIPE_BUF, atomic); on
 *   Windows each process has a named-pipe connection of its own;
 * - the lab decides when a run is over: the channel's end is not the run's.
 *
 * One interface, one implementation per platform, chosen here.
 */
import { createFifoChannel } from './report-channel-fifo';
import type { ReportChannel } from './report-channel-interface';
import { createPipeChannel, pipeAddress } from './report-channel-pipe';

export type { ReportChannel } from './report-channel-interface';

/** Largest single write a probe makes; records longer than this are shortened by the probe. */
export const MAX_RECORD_BYTES = 4096;

/** The run's channel: a FIFO in `dir` (the run's private folder), or on Windows a named pipe named after `runId`. */
export async function createReportChannel(dir: string, runId: string): Promise<ReportChannel> {
  return process.platform === 'win32' ? createPipeChannel(pipeAddress(runId)) : createFifoChannel(dir);
}
