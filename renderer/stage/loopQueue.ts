/**
 * A Node process's queue of callbacks at the playhead — the class notes' "pila de tareas":
 * the callback its loop runs now (on top), the timers that were due and wait behind it, and
 * the IPC messages sent to it that its loop has not delivered yet. It grows while the loop is
 * blocked and drains when it is free. Built from the log only (task and message events),
 * indexed as the log grows, so a scrub is a few binary searches.
 */
import type { LabEvent, TaskEvent, TaskKind } from '../../shared/events';
import { loopAt, TaskIndex } from '../model/taskIndex';

/** One card of the queue. */
export interface QueueCard {
  key: string;
  state: 'running' | 'waiting';
  kind: TaskKind;
  /** The callback's label (`setTimeout 100 ms`, `GET /`), or null for the kind's own word. */
  label: string | null;
  /** µs it has run (running) or waited (waiting) at the playhead. */
  for: number;
  /** Messages waiting (a card stands for all of them), else 1. */
  count: number;
  /** The task's log index, for the inspector. */
  index: number | null;
}

export interface LoopQueue {
  running: QueueCard | null;
  waiting: QueueCard[];
}

/** Per receiver: when messages were sent to it and when it got them, as running counts. */
interface Deliveries {
  sentT: number[];
  sentTotal: number[];
  recvT: number[];
  recvTotal: number[];
}

function countBy(times: number[], totals: number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : totals[lo - 1];
}

function push(times: number[], totals: number[], t: number, count: number): void {
  // Records of one direction arrive nearly in order: pushed, and a late one put in its place.
  let at = times.length;
  if (at === 0 || times[at - 1] <= t) {
    times.push(t);
    totals.push((at === 0 ? 0 : totals[at - 1]) + count);
    return;
  }
  while (at > 0 && times[at - 1] > t) at--;
  times.splice(at, 0, t);
  totals.splice(at, 0, (at === 0 ? 0 : totals[at - 1]) + count);
  for (let i = at + 1; i < totals.length; i++) totals[i] += count;
}

export class LoopQueueIndex {
  private log: readonly LabEvent[] | null = null;
  private indexed = 0;
  /** The callbacks' index this one builds, when it is not given the run's own. */
  private readonly own = new TaskIndex();
  /** The run's callbacks' index (renderer/model/runIndex.ts keeps one over the same log), when given. */
  private shared: TaskIndex | undefined;
  /** By thread (0: a process's main thread), then by receiving pid: numbers, not a text made per message. */
  private readonly deliveries = new Map<number, Map<number, Deliveries>>();

  /**
   * Folds what the log gained since the last call (a new log starts over).
   * `tasks`: the log's callbacks already indexed (the run's index), so they
   * are not indexed a second time here; without it, this indexes them itself.
   */
  update(log: readonly LabEvent[], tasks?: TaskIndex): void {
    if (log !== this.log || log.length < this.indexed || tasks !== this.shared) {
      this.log = log;
      this.indexed = 0;
      this.shared = tasks;
      this.own.byKey.clear();
      this.deliveries.clear();
    }
    const own = tasks === undefined;
    for (let i = this.indexed; i < log.length; i++) {
      const e = log[i];
      if (e.type === 'task') {
        if (own) this.own.add(e, i);
      } else if (e.type === 'message') this.addMessage(e.dir, e.dir === 'send' ? e.to : e.pid, e.toThread ?? 0, e.t, e.count ?? 1);
    }
    this.indexed = log.length;
  }

  private get tasks(): TaskIndex {
    return this.shared ?? this.own;
  }

  private addMessage(dir: 'send' | 'recv', to: number | null, thread: number, t: number, count: number): void {
    if (to === null) return;
    let byPid = this.deliveries.get(thread);
    if (!byPid) {
      byPid = new Map();
      this.deliveries.set(thread, byPid);
    }
    let d = byPid.get(to);
    if (!d) {
      d = { sentT: [], sentTotal: [], recvT: [], recvTotal: [] };
      byPid.set(to, d);
    }
    if (dir === 'send') push(d.sentT, d.sentTotal, t, count);
    else push(d.recvT, d.recvTotal, t, count);
  }

  /** Whether the loop of `pid` (thread 0: its main thread) has recorded callbacks. */
  has(pid: number, thread = 0): boolean {
    return this.tasks.track(pid, thread) !== undefined;
  }

  /** The queue of `pid`'s loop at `t`, or null when its callbacks were not recorded. */
  at(pid: number, t: number, thread = 0): LoopQueue | null {
    const track = this.tasks.track(pid, thread);
    if (!track || !this.log) return null;
    const loop = loopAt(track, this.log, t);
    const running = loop.running && loop.runningIndex !== null ? card('running', loop.running, loop.runningIndex, t - loop.running.t) : null;
    const waiting: QueueCard[] = loop.waitingTimers.map((w) => card('waiting', w.event, w.index, t - (w.event.due as number)));
    const d = this.deliveries.get(thread)?.get(pid);
    const messages = d ? countBy(d.sentT, d.sentTotal, t) - countBy(d.recvT, d.recvTotal, t) : 0;
    if (messages > 0) waiting.push({ key: 'messages', state: 'waiting', kind: 'ipc', label: null, for: 0, count: messages, index: null });
    return { running, waiting };
  }
}

function card(state: QueueCard['state'], task: TaskEvent, index: number, elapsed: number): QueueCard {
  return { key: `task-${index}`, state, kind: task.kind, label: task.label ?? null, for: Math.max(0, elapsed), count: 1, index };
}
