/**
 * What the lab reads a run's records through (the contract with the probe is
 * in report-channel.ts); one implementation per platform: report-channel-fifo.ts
 * (POSIX), report-channel-pipe.ts (Windows).
 */
export interface ReportChannel {
  /** What the probe opens: a FIFO path on POSIX, a named pipe's name (`\\.\pipe\obra-<run>`) on Windows. */
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
