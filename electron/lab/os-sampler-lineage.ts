/**
 * Finding a run's processes that left its tree, by ancestry: where a process
 * cannot read another's environment (macOS, Windows), OBRA_RUN=<run id> is
 * no help. What the samples saw is: every process of the run so far (alive
 * or gone) with its start time, and the process groups they lead.
 *
 * - A process whose parent was a process of the run, started after that
 *   parent: on Windows a parent's pid stays in its children after it dies.
 * - A process in a group of the run (the boss's, or one a detached process of
 *   the run leads) started after the boss: on macOS and Linux an orphan is
 *   re-parented to launchd/init (or a subreaper) but keeps its group.
 *
 * Missed: a process that left the group (setsid), or any on Windows, whose
 * parent was never sampled (both born and gone between two polls) — as
 * under Wine, whose cmd runs `start` as start.exe, gone some 30 ms later.
 */
import type { OsProcess, ProcessSnapshot } from './os-sampler';

export class Lineage {
  /** Every process of the run seen so far, alive or gone: pid → start. */
  private readonly seen = new Map<number, number>();
  /** Groups led by a process of the run: group id → the leader's start. */
  private readonly groups = new Map<number, number>();
  private rootStart: number | undefined;

  constructor(private readonly root: number) {}

  /** A process of the run, as a poll found it. */
  note(p: OsProcess): void {
    this.seen.set(p.pid, p.startTicks);
    if (p.pid === this.root) this.rootStart ??= p.startTicks;
    if (p.pgrp === p.pid) this.groups.set(p.pid, p.startTicks);
  }

  /** Whether `p` (alive), not found by the tree walk, belongs to the run. */
  owns(p: OsProcess, snapshot: ProcessSnapshot): boolean {
    if (this.rootStart === undefined || p.startTicks < this.rootStart) return false;
    return this.isChildOfRun(p, snapshot) || this.isInGroupOfRun(p, snapshot);
  }

  private isChildOfRun(p: OsProcess, snapshot: ProcessSnapshot): boolean {
    const parentStart = this.seen.get(p.ppid);
    if (parentStart === undefined || p.startTicks < parentStart) return false;
    // The pid may since have gone to a newer process: then that one is the parent.
    const holder = snapshot.read(p.ppid);
    return !holder || holder.startTicks === parentStart || p.startTicks < holder.startTicks;
  }

  private isInGroupOfRun(p: OsProcess, snapshot: ProcessSnapshot): boolean {
    if (p.pgrp <= 0) return false;
    const leaderStart = this.groups.get(p.pgrp);
    if (leaderStart === undefined || p.startTicks < leaderStart) return false;
    // A group id is its leader's pid: a newer process with that pid may lead a newer group.
    const holder = snapshot.read(p.pgrp);
    return !holder || holder.startTicks === leaderStart;
  }
}
