/**
 * Follows a playhead over a growing log without refolding it every frame:
 * forward moves apply only the new events; a backward move restarts from the
 * nearest checkpoint that is still valid (a snapshot taken every few thousand
 * events), so scrubbing a 300k-event run backwards stays within a frame.
 */
import type { LabEvent } from '../../shared/events';
import { applyEvent } from './model';
import { emptyStageState } from './model-process';
import type { StageProcess, StageState } from './model-types';

const CHECKPOINT_EVERY = 16_384;

interface Checkpoint {
  /** Largest t in log[0, state.applied): valid for any cursor ≥ maxT. */
  maxT: number;
  state: StageState;
}

function cloneProcess(p: StageProcess): StageProcess {
  return {
    ...p,
    args: p.args,
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
  return { ...s, boss: { ...s.boss }, processes, byPid: new Map(s.byPid) };
}

export class StageTracker {
  private log: readonly LabEvent[] | null = null;
  private state: StageState = emptyStageState();
  private cursor = Number.NEGATIVE_INFINITY;
  private checkpoints: Checkpoint[] = [];
  /** How many events were folded since creation (for tests and the perf figures). */
  folded = 0;

  /** The stage at `cursor`. The returned state is live: read it before the next call. */
  at(log: readonly LabEvent[], cursor: number): StageState {
    if (log !== this.log || log.length < this.state.applied) this.reset(log);
    if (cursor < this.cursor) this.rewind(cursor);
    this.cursor = cursor;
    this.forward(log, cursor);
    return this.state;
  }

  private reset(log: readonly LabEvent[]): void {
    this.log = log;
    this.state = emptyStageState();
    this.checkpoints = [];
  }

  private rewind(cursor: number): void {
    let best: Checkpoint | null = null;
    for (const c of this.checkpoints) if (c.maxT <= cursor) best = c;
    this.state = best ? cloneState(best.state) : emptyStageState();
  }

  private forward(log: readonly LabEvent[], cursor: number): void {
    const s = this.state;
    let i = s.applied;
    while (i < log.length && log[i].t <= cursor) {
      applyEvent(s, log[i]);
      i++;
      this.folded++;
      if (i % CHECKPOINT_EVERY === 0) {
        s.applied = i;
        this.saveCheckpoint(s);
      }
    }
    s.applied = i;
  }

  private saveCheckpoint(s: StageState): void {
    const last = this.checkpoints[this.checkpoints.length - 1];
    if (last && last.state.applied >= s.applied) return;
    this.checkpoints.push({ maxT: s.lastT, state: cloneState(s) });
  }
}
