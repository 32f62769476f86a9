/**
 * Live counters on a terminal: one line on stderr, rewritten ten times a
 * second while the run goes on, erased when it ends. Silent when stderr is not
 * a TTY (piped, redirected, CI).
 */
import type { Writable } from 'node:stream';
import type { LabEvent } from '../../shared/events';
import { RunTally } from '../../shared/summary';
import { formatLiveLine } from './summary-text';

const REDRAW_MS = 100;

export interface Terminal extends Writable {
  isTTY?: boolean;
  columns?: number;
}

export class LiveCounter {
  private readonly tally = new RunTally();
  private timer: NodeJS.Timeout | null = null;
  private drawn = false;

  constructor(private readonly terminal: Terminal, enabled: boolean) {
    if (enabled && terminal.isTTY) {
      this.timer = setInterval(() => this.draw(), REDRAW_MS);
      this.timer.unref();
    }
  }

  add(events: readonly LabEvent[]): void {
    if (this.timer === null) return;
    for (const event of events) this.tally.add(event);
  }

  /** Print a line above the counter without garbling it. */
  note(line: string): void {
    this.erase();
    this.terminal.write(line + '\n');
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.erase();
  }

  private draw(): void {
    this.terminal.write('\r\x1b[2K' + formatLiveLine(this.tally.summary(), this.terminal.columns || 80));
    this.drawn = true;
  }

  private erase(): void {
    if (this.drawn) this.terminal.write('\r\x1b[2K');
    this.drawn = false;
  }
}
