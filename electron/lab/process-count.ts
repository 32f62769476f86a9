/**
 * How many processes of a run are alive at once, for the maxProcesses limit.
 * OS sampling sees every process but only every sampleIntervalMs; the probe
 * reports a Node parent's children the moment they spawn. Both count: a fork
 * bomb is caught at its first records, not one poll later.
 */
import type { LabEvent } from '../../shared/events';
import { type ProcessTable, isGone } from './os-sampler';

export class ProcessCount {
  /** Children the probe saw spawn and not yet exit. */
  private readonly spawned = new Set<number>();

  constructor(private readonly table: ProcessTable | null) {}

  /** Follow a record from the probe. */
  note(e: LabEvent): void {
    if (e.pid === null) return;
    if (e.type === 'spawn' && !e.sync) this.spawned.add(e.pid);
    else if (e.type === 'exit' || e.type === 'close') this.spawned.delete(e.pid);
  }

  /** Children the probe saw spawn and not exit (some may have died unseen: ask the OS). */
  reported(): number[] {
    return [...this.spawned];
  }

  /** Processes alive now: those the last sample saw, and those spawned since. */
  count(sampled: Iterable<number>): number {
    const all = new Set(sampled);
    for (const pid of this.spawned) all.add(pid);
    return all.size;
  }

  /** Forget children whose exit record never came (their parent died first). Reads the OS table, blocking: call it when over a limit. */
  forgetExited(): void {
    if (!this.table) return;
    const snapshot = this.table.snapshotSync();
    for (const pid of this.spawned) if (isGone(snapshot.read(pid))) this.spawned.delete(pid);
  }
}
