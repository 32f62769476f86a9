/**
 * The gate between the report channel and a run's log. Anything in the tree
 * can write to the channel, so a record is a claim by a process of the run:
 * after its shape (record-check.ts), what it says is held to what can be
 * true of this run.
 *
 * - Time: a record was written before the lab read it, after the run began.
 * - Sizes: no payload is larger than Node can make (4 GiB), and no stream or
 *   channel moves more than 64 GiB a second since the run began (no pipe or
 *   memory copy comes near): `1e15` bytes on a stdout is refused.
 * - Callbacks (`task`): one thread runs one callback at a time, so the time its
 *   tasks claim adds up to no more than the run has lasted; a timer was due
 *   within the run.
 * - Processes: every pid a record names (its pid, a spawn's parent, a
 *   message's ends, the caller in a child's id) is the boss, a child already
 *   admitted, a process OS sampling found in the tree, or — asked of the OS
 *   (Linux's /proc) — a live process of the run (its environment carries the
 *   run's id, or its ancestors lead to a known process), or a pid handed out
 *   since the run began (a process gone before the lab read its records).
 *   A spawn's child, while alive, must be the child of the parent that
 *   reports it, and one process is spawned once. 300 spawns of invented pids
 *   are refused, not shown as 300 processes.
 *
 * Where the OS cannot be asked (no process table), processes are not checked.
 */
import os from 'node:os';
import type { LabEvent, TaskEvent } from '../../shared/events';
import { callerOf, checkRecord } from './record-check';
import { messageChannelKey } from '../../shared/message-channel';

/** What the OS says about a run's processes (Linux: /proc). */
export interface RunProcesses {
  /** The process's parent now (a zombie still has one), or null when there is no such process. */
  parentOf(pid: number): number | null;
  /** Whether the process runs (exists, and is no zombie: a zombie's children have been adopted). */
  isRunning(pid: number): boolean;
  /** Whether the process's environment carries the run's id; null if unreadable. */
  carriesRun(pid: number): boolean | null;
  /** Whether `pid` was handed out since the run began; null when the OS does not say. */
  handedOutDuringRun(pid: number): boolean | null;
}

/** The largest Buffer Node makes (buffer.constants.MAX_LENGTH on 64-bit Node 20): one payload is never more. */
const MAX_PAYLOAD_BYTES = 2 ** 32;
/** 64 GiB/s, in bytes per µs: more than any pipe, socket or memory copy moves. */
const MAX_BYTES_PER_US = 2 ** 36 / 1e6;
/** 100 million chunks or messages a second: no process comes near. */
const MAX_EVENTS_PER_US = 100;
/** Clocks read in two processes: a record may seem this much later than the lab's now. */
const CLOCK_SLACK_US = 1_000_000;
/** Ancestors walked up to find a known process. */
const MAX_ANCESTRY = 64;

type Verdict = { event: LabEvent } | { refused: string };

export class RecordGate {
  /** Pids of the run: the boss, admitted children, processes sampling found in the tree, verified reporters. */
  private readonly known = new Set<number>();
  /** Pids found not to be the run's (an answer that does not change): no second look at the OS. */
  private readonly strangers = new Map<number, string>();
  /** A spawned child's pid → its childId, until its exit. */
  private readonly spawned = new Map<number, string>();
  /** Bytes claimed so far, per stream / channel direction / buffered call. */
  private readonly claimed = new Map<string, number>();
  private readonly maxRss = os.totalmem();
  private readonly maxCpu = 100 * os.availableParallelism();

  constructor(
    private readonly nowUs: () => number,
    private readonly processes: RunProcesses | null,
  ) {}

  /** A process of the run the lab found itself (the boss, a process OS sampling saw in the tree). */
  know(pid: number): void {
    this.known.add(pid);
    this.strangers.delete(pid);
  }

  /** The record as a LabEvent for the log, or why it is refused. */
  admit(record: unknown): Verdict {
    const checked = checkRecord(record);
    if ('refused' in checked) return checked;
    const e = checked.event;
    const why = this.timeProblem(e) ?? this.sizeProblem(e) ?? this.processProblem(e);
    if (why) return { refused: `${e.type} from pid ${e.pid}: ${why}` };
    this.follow(e);
    return checked;
  }

  private timeProblem(e: LabEvent): string | null {
    const now = this.nowUs();
    if (e.t < -CLOCK_SLACK_US || e.t > now + CLOCK_SLACK_US) return `t ${e.t} µs is outside the run (now ${now} µs)`;
    return null;
  }

  private sizeProblem(e: LabEvent): string | null {
    const since = Math.max(0, e.t);
    const possible = MAX_PAYLOAD_BYTES + since * MAX_BYTES_PER_US;
    if (e.type === 'stdout' || e.type === 'stderr' || e.type === 'message') {
      const count = e.count ?? 1;
      if (count > 1 + since * MAX_EVENTS_PER_US) return `${count} ${e.type === 'message' ? 'messages' : 'chunks'} in ${since} µs is more than any process makes`;
      if (e.bytes > count * MAX_PAYLOAD_BYTES) return `${e.bytes} bytes in ${count} is more than Node makes`;
      const key = e.type === 'message' ? `m|${e.dir}|${messageChannelKey(e)}` : `${e.type}|${e.childId}`;
      return this.claim(key, e.bytes, possible);
    }
    if (e.type === 'callback') {
      if (e.stdoutBytes > MAX_PAYLOAD_BYTES || e.stderrBytes > MAX_PAYLOAD_BYTES) return 'more bytes than one buffer holds';
      return this.claim(`cb|${e.childId}`, e.stdoutBytes + e.stderrBytes, possible * 2);
    }
    if (e.type === 'task') return this.taskProblem(e, since);
    if (e.type === 'sample') {
      if (e.elu !== undefined && !(e.elu >= 0 && e.elu <= 1)) return `elu ${e.elu} is not between 0 and 1`;
      if (e.interval !== undefined && !(e.interval >= 0 && e.interval <= since + CLOCK_SLACK_US)) return `interval ${e.interval} µs is longer than the run`;
      if (e.cpu !== undefined && !(e.cpu >= 0 && e.cpu <= this.maxCpu * 2)) return `cpu ${e.cpu} % is more than this machine's cores give`;
      if (e.rss !== undefined && !(e.rss >= 0 && e.rss <= this.maxRss)) return `rss ${e.rss} bytes is more than this machine's memory`;
    }
    return null;
  }

  private taskProblem(e: TaskEvent, since: number): string | null {
    const count = e.count ?? 1;
    if (count > 1 + since * MAX_EVENTS_PER_US) return `${count} callbacks in ${since} µs is more than any loop runs`;
    if (e.t + Math.max(e.dur, e.span ?? 0) > this.nowUs() + CLOCK_SLACK_US) return `a callback from ${e.t} µs lasting ${e.dur} µs ends after now`;
    if (e.due !== undefined && (e.due < -CLOCK_SLACK_US || e.due > e.t + CLOCK_SLACK_US)) return `due ${e.due} µs is outside the run or after the timer ran`;
    // One thread runs one callback at a time: its callbacks' time fits before the last one's end.
    const key = `task|${e.pid}|${e.threadId ?? 0}`;
    const total = (this.claimed.get(key) ?? 0) + e.dur;
    const lastEnd = Math.max(this.claimed.get(`${key}|end`) ?? 0, e.t + Math.max(e.dur, e.span ?? 0));
    if (total > lastEnd + CLOCK_SLACK_US) return `${total} µs of callbacks by ${lastEnd} µs is more than one thread runs`;
    this.claimed.set(key, total);
    this.claimed.set(`${key}|end`, lastEnd);
    return null;
  }

  /** Adds `bytes` to what `key` has claimed, unless the total passes `possible`. */
  private claim(key: string, bytes: number, possible: number): string | null {
    const total = (this.claimed.get(key) ?? 0) + bytes;
    if (total > possible) return `${total} bytes by now is more than any process moves (at most ${Math.round(possible)})`;
    this.claimed.set(key, total);
    return null;
  }

  private processProblem(e: LabEvent): string | null {
    if (e.type === 'spawn') {
      return (e.pid === null ? null : this.spawnProblem(e.pid, e.ppid, e.childId)) ?? this.unknownProblem(e.ppid);
    }
    for (const pid of namedPids(e)) {
      const why = this.unknownProblem(pid);
      if (why) return why;
    }
    return null;
  }

  private spawnProblem(pid: number, ppid: number, childId: string): string | null {
    const earlier = this.spawned.get(pid);
    if (earlier !== undefined && earlier !== childId) return `pid ${pid} was already spawned as ${earlier} and has not exited`;
    if (!this.processes || this.known.has(pid)) return null;
    const parent = this.processes.parentOf(pid);
    if (parent !== null) {
      // Alive (or a zombie): it is the reporter's child, unless the reporter has ended and it was adopted.
      if (parent !== ppid && this.processes.isRunning(ppid)) return `pid ${pid} is the child of ${parent}, not of ${ppid}`;
      return null;
    }
    if (this.processes.handedOutDuringRun(pid) === false) return `pid ${pid} was not started during this run`;
    return null;
  }

  /** Null when `pid` is a process of the run (remembered), else why not. */
  private unknownProblem(pid: number): string | null {
    if (this.known.has(pid) || !this.processes) return null;
    const refused = this.strangers.get(pid);
    if (refused) return refused;
    const why = this.verify(pid);
    if (why) {
      if (this.strangers.size < 100_000) this.strangers.set(pid, why);
      return why;
    }
    this.known.add(pid);
    return null;
  }

  private verify(pid: number): string | null {
    const os = this.processes as RunProcesses;
    if (!os.isRunning(pid)) {
      // Ended before the lab read its records: it was at least started during the run.
      return os.handedOutDuringRun(pid) === false ? `pid ${pid} was not started during this run` : null;
    }
    if (os.carriesRun(pid)) return null;
    let at: number | null = pid;
    for (let i = 0; i < MAX_ANCESTRY && at !== null && at > 1; i++) {
      at = os.parentOf(at);
      if (at !== null && this.known.has(at)) return null;
    }
    return `pid ${pid} is not a process of this run`;
  }

  /** Keep what later records are checked against. */
  private follow(e: LabEvent): void {
    if (e.type === 'spawn' && e.pid !== null) {
      this.known.add(e.pid);
      if (!e.sync) this.spawned.set(e.pid, e.childId);
    } else if ((e.type === 'exit' || e.type === 'close') && e.pid !== null) {
      this.spawned.delete(e.pid);
    }
  }
}

/** Every pid a record names: the process it is about, a message's two ends, the caller in a child's id. */
function namedPids(e: LabEvent): number[] {
  const pids: number[] = [];
  if (e.pid !== null) pids.push(e.pid);
  if (e.type === 'message') pids.push(e.from, e.to);
  if ('childId' in e && typeof e.childId === 'string') pids.push(callerOf(e.childId));
  return pids;
}
