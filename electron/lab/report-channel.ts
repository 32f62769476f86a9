/**
 * The report channel: how every observed process tells the lab what happened.
 *
 * Contract with the probe (electron/probe):
 * - the lab puts the channel's address in the environment as OBRA_REPORT,
 *   the run's clock origin as OBRA_T0 (process.hrtime.bigint() in ns, decimal),
 *   and the run id as OBRA_RUN;
 * - a process writes records as whole lines of JSON (one LabEvent each,
 *   `t` already relative to OBRA_T0 in µs), each write ≤ 4,096 bytes so that
 *   concurrent writers never interleave (PIPE_BUF);
 * - the lab never sees end-of-file: it decides when a run is over.
 *
 * One interface, one implementation per platform, chosen here.
 */
import { createFifoChannel } from './report-channel-fifo';

export interface ReportChannel {
  /** What the probe opens: a FIFO path on POSIX. */
  readonly address: string;
  /** Called with each complete record line, parsed. Malformed lines go to onBadLine. */
  onRecord(listener: (record: unknown) => void): void;
  onBadLine(listener: (line: string) => void): void;
  /** Bytes received so far. */
  readonly bytesRead: number;
  /**
   * Resolve once the channel has gone quiet (nothing more arrived over a few
   * turns of the event loop), or after maxMs. Call it when every writer is gone.
   */
  drain(maxMs?: number): Promise<void>;
  /** Read whatever is still buffered, then stop reading and remove the channel. */
  close(): Promise<void>;
}

/** Largest single write a probe makes; records longer than this are shortened by the probe. */
export const MAX_RECORD_BYTES = 4096;

export async function createReportChannel(dir: string): Promise<ReportChannel> {
  if (process.platform === 'win32') {
    const err = new Error('Obra cannot observe processes on Windows yet: the named-pipe report channel is not written') as NodeJS.ErrnoException;
    err.code = 'ERR_OBRA_PLATFORM';
    throw err;
  }
  return createFifoChannel(dir);
}
