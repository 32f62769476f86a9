/**
 * What every report channel does with the bytes it reads, whatever carries
 * them (one FIFO shared by all writers, or one pipe connection per writer):
 * split each byte stream into lines, parse each line as a record, count the
 * bytes, and tell when the channel has gone quiet.
 */
import { LineSplitter } from './line-splitter';
import type { ReportChannel } from './report-channel-interface';

/** One byte stream of the channel: whole lines are records, a cut last line is kept until flush(). */
export interface RecordStream {
  push(chunk: Buffer): void;
  /** The stream has ended: a last line without its newline is delivered (and is a bad line unless it parses). */
  flush(): void;
}

export class ChannelRecords {
  private readonly recordListeners: ((record: unknown) => void)[] = [];
  private readonly badListeners: ((line: string) => void)[] = [];
  private read = 0;

  get bytesRead(): number {
    return this.read;
  }

  onRecord(listener: (record: unknown) => void): void {
    this.recordListeners.push(listener);
  }

  onBadLine(listener: (line: string) => void): void {
    this.badListeners.push(listener);
  }

  /** A new byte stream: lines never run from one stream into another. */
  stream(): RecordStream {
    const splitter = new LineSplitter((line) => this.line(line));
    return {
      push: (chunk) => {
        this.read += chunk.length;
        splitter.push(chunk);
      },
      flush: () => splitter.flush(),
    };
  }

  /**
   * Resolve once nothing has arrived over three turns of the event loop, each
   * with a poll phase (where libuv reads pipes) after a short timer, or after maxMs.
   */
  async quiet(maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    let quietTurns = 0;
    let seen = this.read;
    while (quietTurns < 3 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 4));
      await new Promise((r) => setImmediate(r));
      if (this.read === seen) quietTurns++;
      else [quietTurns, seen] = [0, this.read];
    }
  }

  /** The channel the lab uses: these records, the probe's `address`, and the implementation's own `close`. */
  channel(address: string, close: () => Promise<void>): ReportChannel {
    const bytesRead = () => this.read;
    return {
      address,
      get bytesRead() {
        return bytesRead();
      },
      onRecord: (l) => this.onRecord(l),
      onBadLine: (l) => this.onBadLine(l),
      drain: (maxMs = 2000) => this.quiet(maxMs),
      close,
    };
  }

  private line(line: string): void {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      for (const l of this.badListeners) l(line);
      return;
    }
    for (const l of this.recordListeners) l(record);
  }
}
