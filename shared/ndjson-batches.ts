/**
 * An NDJSON recording read in batches of checked events, for a reader that
 * checks in one place (a worker) and builds the events in another (the page).
 *
 * Every line is read and checked by NdjsonReader, as every recording is. A
 * batch holds the checked events in columns (shared/event-columns.ts): the
 * receiving side builds exactly the events the lines hold, in their order,
 * without parsing them again and with nothing left to check. A refused line
 * throws RecordingError (naming the line) after the lines before it were
 * batched, so what came before can still be shown.
 *
 * Pure (no Node or DOM imports).
 */
import { ColumnsWriter, type EventColumns } from './event-columns';
import type { LogHeader } from './events';
import { NdjsonReader } from './recording';
import { ShapedLines } from './shaped-lines';

export class NdjsonBatcher {
  private readonly reader = new NdjsonReader();
  private rest = '';
  private readonly columns: ColumnsWriter;
  /** The commonest lines, read straight into the columns (the others as every line is read). */
  private readonly shaped: ShapedLines;

  constructor(
    /** Events per batch. */
    private readonly batchEvents: number,
    /** Called with each full batch (and the last, partial one at `finish`). */
    private readonly emit: (batch: EventColumns) => void,
  ) {
    this.columns = new ColumnsWriter(batchEvents);
    this.shaped = new ShapedLines(this.columns);
  }

  /** Columns of a batch the other side has read, to write again (ColumnsWriter.recycle). */
  recycle(columns: Pick<EventColumns, 'shapes' | 'numbers' | 'refs'>): void {
    this.columns.recycle(columns);
  }

  /** The header, once its line was read. */
  get header(): LogHeader | null {
    return this.reader.header;
  }

  /** Read a piece of the text (lines may span pieces). Throws RecordingError at a refused line, after batching those before it. */
  add(text: string): void {
    let end = text.indexOf('\n');
    if (end === -1) {
      this.rest += text;
      return;
    }
    let from = 0;
    if (this.rest !== '') {
      const first = this.rest + text.slice(0, end);
      this.rest = '';
      this.line(first, 0, first.length);
      from = end + 1;
      end = text.indexOf('\n', from);
    }
    // Each line read where it is in the piece: only the lines read as JSON are cut out of it.
    while (end !== -1) {
      this.line(text, from, end);
      from = end + 1;
      end = text.indexOf('\n', from);
    }
    this.rest = text.slice(from);
  }

  /** The last line (one without a newline) and the last batch. Throws RecordingError, as `add` does, or for a file without a header. */
  finish(): LogHeader {
    this.take(this.rest);
    this.rest = '';
    this.flush();
    return this.reader.finish();
  }

  private line(text: string, from: number, to: number): void {
    if (this.reader.header !== null && this.shaped.take(text, from, to)) {
      this.reader.passed();
      if (this.columns.events >= this.batchEvents) this.flush();
      return;
    }
    this.take(text.slice(from, to));
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
    this.columns.add(event, line.endsWith('\r') ? line.slice(0, -1) : line);
    if (this.columns.events >= this.batchEvents) this.flush();
  }

  private flush(): void {
    if (this.columns.events > 0) this.emit(this.columns.take());
  }
}
