import { TASK_KINDS, type LabEvent, type TaskEvent, type TaskKind } from '../../shared/events';

/**
 * The event loop's callbacks (`task` events) of one thread: a process's main thread (0) or
 * one of its Worker threads. Kept in start order (a record that arrives late is inserted in
 * place), with where each one ends, so the timeline asks "which callbacks cross this window"
 * and the stage "which one runs, which timers wait, at the playhead" without visiting the log.
 */
export interface TaskTrack extends TaskList {
  pid: number;
  thread: number;
  /**
   * The callbacks that lasted at least WIDE_LEVELS_US[k] (a coalesced run: its span), level
   * by level: a wide window draws each pixel column's mark from the whole track by jumps,
   * and the callbacks wide enough to be seen whole from the level just under a pixel.
   */
  wide: TaskList[];
  /**
   * Timers with a due time, in start order: level 0 holds them all (the stage's waiting
   * cards), level k those at least LATE_LEVELS_US[k] late — a wide window draws brackets from
   * the level whose lateness still spans 2 px, not from thousands of punctual timers.
   */
  timers: TimerList[];
}

/** Callbacks in start order. */
export interface TaskList {
  /** Start, end (start + span for a coalesced run, else + dur) and log index of each callback. */
  start: number[];
  end: number[];
  idx: number[];
  /**
   * How each callback looks (taskLook): its kind and density as one number, so a draw's
   * column walk reads this list, not the callbacks' records scattered through the log.
   */
  look: number[];
  /** The longest a callback (or a coalesced run) of the list lasted, µs: how far back a window must look. */
  longest: number;
}

/** The least a callback lasted to be in each level of TaskTrack.wide, µs. */
export const WIDE_LEVELS_US = [100, 1_000, 10_000, 100_000, 1_000_000];

/** Timers by log index, with when each ran (its start), in start order. */
export interface TimerList {
  idx: number[];
  start: number[];
  /** The most any of them ran after it was due, µs: how far back a window looks for brackets. */
  latest: number;
}

/** The lateness from which a timer is in each level of TaskTrack.timers, µs. */
export const LATE_LEVELS_US = [0, 1_000, 10_000, 100_000, 1_000_000];

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
      track = { pid: event.pid, thread, start: [], end: [], idx: [], look: [], longest: 0, wide: WIDE_LEVELS_US.map(() => ({ start: [], end: [], idx: [], look: [], longest: 0 })), timers: LATE_LEVELS_US.map(() => ({ idx: [], start: [], latest: 0 })) };
      this.byKey.set(key, track);
    }
    const end = taskEnd(event);
    const look = taskLook(event);
    insertTask(track, event.t, end, logIndex, look);
    for (let level = 0; level < WIDE_LEVELS_US.length && end - event.t >= WIDE_LEVELS_US[level]; level++) insertTask(track.wide[level], event.t, end, logIndex, look);
    if (event.kind === 'timer' && event.due !== undefined && (event.count ?? 1) === 1) {
      const late = event.t - event.due;
      for (let level = 0; level < LATE_LEVELS_US.length && late >= LATE_LEVELS_US[level]; level++) insertTimer(track.timers[level], event.t, late, logIndex);
      if (event.t - event.due >= LATE_ENOUGH_US) this.lateTimers++;
    }
    this.kinds.add(event.kind);
    return appeared;
  }

  track(pid: number, thread = 0): TaskTrack | undefined {
    return this.byKey.get(taskTrackKey(pid, thread));
  }
}

/** Steps of a coalesced run's density (its time over its span): 1/20 apart, never under 0.3. */
const DENSITY_STEPS = 20;

/**
 * A callback's look as one number: its kind (TASK_KINDS' order) and its density step (a
 * single callback is solid; a coalesced run as dense as its callbacks' time over its span).
 */
export function taskLook(task: TaskEvent): number {
  const density = (task.count ?? 1) <= 1 ? 1 : Math.max(0.3, Math.min(1, task.dur / Math.max(1, task.span ?? task.dur)));
  return TASK_KINDS.indexOf(task.kind) * (DENSITY_STEPS + 1) + Math.round(DENSITY_STEPS * density);
}

/** The kind of a look (taskLook). */
export const lookKind = (look: number): TaskKind => TASK_KINDS[Math.floor(look / (DENSITY_STEPS + 1))];

/** The opacity of a look (taskLook): its density, in 1/20 steps. */
export const lookOpacity = (look: number): number => (look % (DENSITY_STEPS + 1)) / DENSITY_STEPS;

/** First position in `list` (from `from`) whose start is ≥ t. */
export function firstStartingAt(list: TaskList, t: number, from = 0): number {
  return lowerBound(list.start, t, from);
}

/** The positions [from, to) of the callbacks that cross [a, b] (some before `from` may end before a). */
export function tasksCrossing(track: TaskList, a: number, b: number): [number, number] {
  let from = firstStartingAt(track, a - track.longest);
  while (from < track.start.length && track.end[from] < a) from++;
  return [from, firstStartingAt(track, b + 1e-6)];
}

function insertTask(list: TaskList, t: number, end: number, logIndex: number, look: number): void {
  let at = list.start.length;
  while (at > 0 && list.start[at - 1] > t) at--;
  // Nearly every callback comes last: a push, cheaper than a splice at the end.
  if (at === list.start.length) {
    list.start.push(t);
    list.end.push(end);
    list.idx.push(logIndex);
    list.look.push(look);
  } else {
    list.start.splice(at, 0, t);
    list.end.splice(at, 0, end);
    list.idx.splice(at, 0, logIndex);
    list.look.splice(at, 0, look);
  }
  list.longest = Math.max(list.longest, end - t);
}

/** The callbacks that may be wider than `us`: the level just under it, or the whole track. */
export function tasksLastingAbout(track: TaskTrack, us: number): TaskList {
  let level = -1;
  while (level + 1 < WIDE_LEVELS_US.length && WIDE_LEVELS_US[level + 1] <= us) level++;
  return level < 0 ? track : track.wide[level];
}

function insertTimer(list: TimerList, t: number, late: number, logIndex: number): void {
  let at = list.start.length;
  while (at > 0 && list.start[at - 1] > t) at--;
  list.idx.splice(at, 0, logIndex);
  list.start.splice(at, 0, t);
  list.latest = Math.max(list.latest, late);
}

/** The timers late by at least `lateUs` (and some less late): the level a window needs for its brackets. */
export function timersLateBy(track: TaskTrack, lateUs: number): TimerList {
  let level = 0;
  while (level + 1 < LATE_LEVELS_US.length && LATE_LEVELS_US[level + 1] <= lateUs) level++;
  return track.timers[level];
}

/**
 * Positions in `list` of the timers that ran from `a` on and may have been due by `b` (a
 * timer runs at most `latest` after it was due): what a window from a to b, or a moment
 * (a = b), looks at for waiting and late timers — never the whole run's.
 */
export function timersAround(list: TimerList, a: number, b: number): [number, number] {
  return [lowerBound(list.start, a), lowerBound(list.start, b + list.latest + 1e-6)];
}

function lowerBound(sorted: readonly number[], t: number, from = 0): number {
  let lo = from;
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
  const all = track.timers[0];
  const [first, last] = timersAround(all, t, t);
  for (let i = first; i < last; i++) {
    const index = all.idx[i];
    const event = log[index] as TaskEvent;
    if (event.due !== undefined && event.due <= t && t < event.t) waitingTimers.push({ event, index });
  }
  waitingTimers.sort((a, b) => (a.event.due as number) - (b.event.due as number));
  return { running: runningIndex === null ? null : (log[runningIndex] as TaskEvent), runningIndex, waitingTimers };
}
