/**
 * Follows a playhead over a growing log without refolding it every frame.
 * It keeps the log's indices in time order; a forward move applies the
 * events between the old and the new cursor; an event that arrives late
 * (stamped before the cursor) is applied when it arrives — the reducer gives
 * the same state in any order, so this equals `stageStateAt`. A backward move
 * restarts from the nearest snapshot (one every CHECKPOINT_EVERY events in
 * time order), so scrubbing a 300k-event run stays within a frame.
 */
import type { LabEvent } from '../../shared/events';
import { applyEvent } from './model';
import { emptyStageState } from './model-process';
import type { StageProcess, StageState } from './model-types';

const CHECKPOINT_EVERY = 16_384;

interface Checkpoint {
  /** The state after the first `k` events in time order. */
  k: number;
  /** Time of the k-th event: the snapshot serves any cursor ≥ maxT. */
  maxT: number;
  state: StageState;
}

function cloneProcess(p: StageProcess): StageProcess {
  return {
    ...p,
    stdout: { ...p.stdout },
    stderr: { ...p.stderr },
    toParent: { ...p.toParent },
    fromParent: { ...p.fromParent },
    output: p.output.slice(),
    messages: p.messages.slice(),
  };
}

export function cloneState(s: StageState): StageState {
  const processes = new Map<string, StageProcess>();
  for (const [k, p] of s.processes) processes.set(k, cloneProcess(p));
  const unplaced = new Map<number, StageProcess>();
  for (const [k, p] of s.unplaced) unplaced.set(k, cloneProcess(p));
  return { ...s, boss: { ...s.boss }, processes, byPid: new Map(s.byPid), unplaced };
}

export class StageTracker {
  private log: readonly LabEvent[] | null = null;
  private first: LabEvent | undefined;
  /** Log indices in time order (equal times in arrival order). */
  private sorted: number[] = [];
  private indexed = 0;
  private state: StageState = emptyStageState();
  /** How many events of `sorted` the state holds. */
  private k = 0;
  private cursor = Number.NEGATIVE_INFINITY;
  private checkpoints: Checkpoint[] = [];
  /** Events folded since creation (for tests and perf figures). */
  folded = 0;

  /** The stage at `cursor`. The returned state is live: read it before the next call. */
  at(log: readonly LabEvent[], cursor: number): StageState {
    // Another log, or the same array emptied and refilled with another run: start over.
    if (log !== this.log || log.length < this.indexed || (this.indexed > 0 && log[0] !== this.first)) this.reset(log);
    this.first = log[0];
    this.index(log);
    if (cursor < this.cursor) this.rewind(cursor);
    this.cursor = cursor;
    this.forward(log, cursor);
    return this.state;
  }

  private reset(log: readonly LabEvent[]): void {
    this.log = log;
    this.sorted = [];
    this.indexed = 0;
    this.state = emptyStageState();
    this.k = 0;
    this.cursor = Number.NEGATIVE_INFINITY;
    this.checkpoints = [];
  }

  /** Puts the log's new events in time order; a late one the state should already hold is applied now. */
  private index(log: readonly LabEvent[]): void {
    const sorted = this.sorted;
    for (let i = this.indexed; i < log.length; i++) {
      const t = log[i].t;
      let pos = sorted.length;
      // Late events land near the end: walk back, then binary search if it is far.
      for (let steps = 0; pos > 0 && log[sorted[pos - 1]].t > t; steps++) {
        if (steps === 64) {
          pos = upperBound(log, sorted, t, pos);
          break;
        }
        pos--;
      }
      if (pos === sorted.length) sorted.push(i);
      else sorted.splice(pos, 0, i);
      if (pos < this.k) {
        applyEvent(this.state, log[i]);
        this.folded++;
        this.k++;
        this.checkpoints = this.checkpoints.filter((c) => c.k <= pos);
      }
    }
    this.indexed = log.length;
  }

  private rewind(cursor: number): void {
    let best: Checkpoint | null = null;
    for (const c of this.checkpoints) if (c.maxT <= cursor) best = c;
    this.state = best ? cloneState(best.state) : emptyStageState();
    this.k = best ? best.k : 0;
  }

  private forward(log: readonly LabEvent[], cursor: number): void {
    const sorted = this.sorted;
    while (this.k < sorted.length && log[sorted[this.k]].t <= cursor) {
      applyEvent(this.state, log[sorted[this.k]]);
      this.k++;
      this.folded++;
      if (this.k % CHECKPOINT_EVERY === 0) this.saveCheckpoint(log[sorted[this.k - 1]].t);
    }
  }

  private saveCheckpoint(maxT: number): void {
    const last = this.checkpoints[this.checkpoints.length - 1];
    if (last && last.k >= this.k) return;
    this.checkpoints.push({ k: this.k, maxT, state: cloneState(this.state) });
  }
}

/** First position in sorted[0, hi) whose event is later than t. */
function upperBound(log: readonly LabEvent[], sorted: readonly number[], t: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[sorted[mid]].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
