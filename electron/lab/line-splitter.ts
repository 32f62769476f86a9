/** Splits a byte stream into lines (\n), decoding each whole line as UTF-8. */
export class LineSplitter {
  private pending: Buffer[] = [];

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      if (this.pending.length) {
        this.pending.push(piece);
        const line = Buffer.concat(this.pending).toString('utf8');
        this.pending = [];
        if (line) this.onLine(line);
      } else if (piece.length) {
        this.onLine(piece.toString('utf8'));
      }
      start = nl + 1;
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  /** Emit a final unterminated line, if any. */
  flush(): void {
    if (!this.pending.length) return;
    const line = Buffer.concat(this.pending).toString('utf8');
    this.pending = [];
    if (line) this.onLine(line);
  }
}
