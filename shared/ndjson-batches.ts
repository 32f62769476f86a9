/**
 * An NDJSON recording read in batches of checked lines, for a reader that
 * checks in one place (a worker) and builds the events in another (the page).
 *
 * Every line is read and checked by NdjsonReader, as every recording is. A
 * batch is the checked event lines joined as one JSON array text: since each
 * line alone is a JSON text, `JSON.parse` of the batch gives exactly the
 * events the lines hold, in their order — one parse on the receiving side,
 * with nothing left to check. A refused line throws RecordingError (naming
 * the line) after the lines before it were batched, so what came before can
 * still be shown.
 *
 * Pure (no Node or DOM imports).
 */
import type { LogHeader } from './events';
import { NdjsonReader } from './recording';

/** Checked event lines, as one JSON array text, and how many events it holds. */
export interface NdjsonBatch {
  json: string;
  events: number;
}

export class NdjsonBatcher {
  private readonly reader = new NdjsonReader();
  private rest = '';
  private lines: string[] = [];

  constructor(
    /** Events per batch. */
    private readonly batchEvents: number,
    /** Called with each full batch (and the last, partial one at `finish`). */
    private readonly emit: (batch: NdjsonBatch) => void,
  ) {}

  /** The header, once its line was read. */
  get header(): LogHeader | null {
    return this.reader.header;
  }

  /** Read a piece of the text (lines may span pieces). Throws RecordingError at a refused line, after batching those before it. */
  add(text: string): void {
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) this.take(line);
  }

  /** The last line (one without a newline) and the last batch. Throws RecordingError, as `add` does, or for a file without a header. */
  finish(): LogHeader {
    this.take(this.rest);
    this.rest = '';
    this.flush();
    return this.reader.finish();
  }

  private take(line: string): void {
    let event;
    try {
      event = this.reader.line(line);
    } catch (error) {
      this.flush();
      throw error;
    }
    if (event === null) return;
    // The line as JSON.parse read it (a CRLF's \r is whitespace to JSON, but not worth carrying).
    this.lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (this.lines.length >= this.batchEvents) this.flush();
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    const batch = { json: `[${this.lines.join(',')}]`, events: this.lines.length };
    this.lines = [];
    this.emit(batch);
  }
}
