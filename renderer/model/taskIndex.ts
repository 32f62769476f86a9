import type { LabEvent, TaskEvent, TaskKind } from '../../shared/events';

/**
 * The event loop's callbacks (`task` events) of one thread: a process's main thread (0) or
 * one of its Worker threads. Kept in start order (a record that arrives late is inserted in
 * place), with where each one ends, so the timeline asks "which callbacks cross this window"
 * and the stage "which one runs, which timers wait, at the playhead" without visiting the log.
 */
export interface TaskTrack {
  pid: number;
  thread: number;
  /** Start, end (start + span for a coalesced run, else + dur) and log index of each callback. */
  start: number[];
  end: number[];
  idx: number[];
  /** The longest a callback (or a coalesced run) of this track lasted, µs: how far back a window must look. */
  longest: number;
  /** Timers with a due time, by log index, in start order: the stage's waiting cards. */
  timers: number[];
  /** When each of `timers` ran (its start), in order. */
  timerStart: number[];
  /** The most any of `timers` ran after it was due, µs: how far back a window looks for brackets. */
  latest: number;
  /**
   * The same timers by how late they ran: class k holds those from 2^k to 2^(k+1) µs late (k
   * ≥ 0; on time: none), each in start order. A window too wide to show a class's brackets
   * passes over it whole instead of visiting every timer of a long run.
   */
  lateness: LatenessClass[];
}

/** Timers about as late as each other (see TaskTrack.lateness). */
export interface LatenessClass {
  timers: number[];
  timerStart: number[];
}

export function taskTrackKey(pid: number, thread: number): string {
  return `${pid}:${thread}`;
}

/** Where a callback ends on the timeline: a coalesced run covers its whole span. */
export function taskEnd(task: TaskEvent): number {
  return task.t + Math.max(task.dur, task.span ?? 0);
}

/** A timer this late or more has a bracket worth a word in the legend. */
const LATE_ENOUGH_US = 10_000;

export class TaskIndex {
  readonly byKey = new Map<string, TaskTrack>();
  /** The kinds of callback the run has, and whether a timer ran visibly late: what the legend needs to say. */
  readonly kinds = new Set<TaskKind>();
  lateTimers = 0;

  /** Folds a callback; true when its thread got its first one (the timeline gains a track). */
  add(event: TaskEvent, logIndex: number): boolean {
    if (event.pid === null) return false;
    const thread = event.threadId ?? 0;
    const key = taskTrackKey(event.pid, thread);
    let track = this.byKey.get(key);
    const appeared = track === undefined;
    if (!track) {
      track = { pid: event.pid, thread, start: [], end: [], idx: [], longest: 0, timers: [], timerStart: [], latest: 0, lateness: [] };
      this.byKey.set(key, track);
    }
    const end = taskEnd(event);
    let at = track.start.length;
    while (at > 0 && track.start[at - 1] > event.t) at--;
    track.start.splice(at, 0, event.t);
    track.end.splice(at, 0, end);
    track.idx.splice(at, 0, logIndex);
    track.longest = Math.max(track.longest, end - event.t);
    if (event.kind === 'timer' && event.due !== undefined && (event.count ?? 1) === 1) {
      let t = track.timerStart.length;
      while (t > 0 && track.timerStart[t - 1] > event.t) t--;
      track.timers.splice(t, 0, logIndex);
      track.timerStart.splice(t, 0, event.t);
      track.latest = Math.max(track.latest, event.t - event.due);
      if (event.t - event.due >= 1) insertLate(track, event, logIndex);
      if (event.t - event.due >= LATE_ENOUGH_US) this.lateTimers++;
    }
    this.kinds.add(event.kind);
    return appeared;
  }

  track(pid: number, thread = 0): TaskTrack | undefined {
    return this.byKey.get(taskTrackKey(pid, thread));
  }
}

function insertLate(track: TaskTrack, event: TaskEvent, logIndex: number): void {
  const k = Math.floor(Math.log2(event.t - (event.due as number)));
  for (let c = track.lateness.length; c <= k; c++) track.lateness.push({ timers: [], timerStart: [] });
  const late = track.lateness[k];
  let at = late.timerStart.length;
  while (at > 0 && late.timerStart[at - 1] > event.t) at--;
  late.timers.splice(at, 0, logIndex);
  late.timerStart.splice(at, 0, event.t);
}

/**
 * The timers of `track` late enough to span `minLateUs` or more that ran from `a` to `b` +
 * their lateness: per lateness class, the positions [from, to) to look at.
 */
export function lateTimersAround(track: TaskTrack, a: number, b: number, minLateUs: number): Array<[LatenessClass, number, number]> {
  const found: Array<[LatenessClass, number, number]> = [];
  track.lateness.forEach((late, k) => {
    if (2 ** (k + 1) <= minLateUs || late.timers.length === 0) return;
    found.push([late, lowerBound(late.timerStart, a), lowerBound(late.timerStart, b + 2 ** (k + 1))]);
  });
  return found;
}

/** First position in `track` whose start is ≥ t. */
export function firstStartingAt(track: TaskTrack, t: number): number {
  return lowerBound(track.start, t);
}

/** The positions [from, to) of the callbacks that cross [a, b] (some before `from` may end before a). */
export function tasksCrossing(track: TaskTrack, a: number, b: number): [number, number] {
  let from = firstStartingAt(track, a - track.longest);
  while (from < track.start.length && track.end[from] < a) from++;
  return [from, firstStartingAt(track, b + 1e-6)];
}

/**
 * Positions in `track.timers` of the timers that ran from `a` on and may have been due by
 * `b` (a timer runs at most `latest` after it was due): what a window from a to b, or a
 * moment (a = b), looks at for waiting and late timers — never the whole run's.
 */
export function timersAround(track: TaskTrack, a: number, b: number): [number, number] {
  return [lowerBound(track.timerStart, a), lowerBound(track.timerStart, b + track.latest + 1e-6)];
}

function lowerBound(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A thread's loop at a moment: the callback running, the timers due and waiting (oldest due first). */
export interface LoopAt {
  running: TaskEvent | null;
  /** The running callback's log index. */
  runningIndex: number | null;
  waitingTimers: { event: TaskEvent; index: number }[];
}

/** What the loop of `track` was doing at `t`, from the log it indexes. */
export function loopAt(track: TaskTrack, log: readonly LabEvent[], t: number): LoopAt {
  const [from, to] = tasksCrossing(track, t, t);
  let runningIndex: number | null = null;
  for (let i = to - 1; i >= from; i--) {
    if (track.start[i] <= t && t < track.end[i]) {
      runningIndex = track.idx[i];
      break;
    }
  }
  const waitingTimers: { event: TaskEvent; index: number }[] = [];
  const [first, last] = timersAround(track, t, t);
  for (let i = first; i < last; i++) {
    const index = track.timers[i];
    const event = log[index] as TaskEvent;
    if (event.due !== undefined && event.due <= t && t < event.t) waitingTimers.push({ event, index });
  }
  waitingTimers.sort((a, b) => (a.event.due as number) - (b.event.due as number));
  return { running: runningIndex === null ? null : (log[runningIndex] as TaskEvent), runningIndex, waitingTimers };
}
