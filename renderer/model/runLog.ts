import type { LabEvent, LogHeader } from '../../shared/events';
import { RunIndex } from './runIndex';

/**
 * One run's event log and the indexes derived from it. The `events` array is
 * the same object for the whole run and only grows (views hold on to it and
 * read up to its current length); `append` folds just the new events into the index.
 */
export class RunLog {
  readonly events: LabEvent[] = [];
  readonly index = new RunIndex();

  constructor(
    readonly runId: string,
    public header: LogHeader | null = null,
  ) {}

  append(batch: readonly LabEvent[]): void {
    const from = this.events.length;
    for (const event of batch) this.events.push(event);
    this.index.apply(this.events, from);
  }
}
