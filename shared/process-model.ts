/**
 * One model of a run's processes, folded from its event log: which processes
 * there are (the boss, every spawned child, every process OS sampling saw,
 * any other pid an event names), who started them and how, and when each
 * started and ended. The views derive what they show from it: the timeline's
 * lanes (renderer/model/runIndex.ts), the summary (summary.ts), the trace's
 * processes (trace-processes.ts); the stage colours its figures by asyncTwin
 * and names them by shared/process-names.ts.
 *
 * Folded in arrival order, one event at a time (a live run or a whole log);
 * records are mutated in place and `structureVersion` bumps when the tree's
 * shape changes (a process, or a parent, appears). A view that keeps more per
 * process gives the model its own record factory, whose records extend
 * ProcessFacts. Pure: no Node or DOM imports.
 */
import {
  BOSS_CHILD_ID,
  type CallbackError,
  type CallEvent,
  type CallOptions,
  type ChildApi,
  type LabEvent,
  type RunEndEvent,
  type RunStartEvent,
  type SourceLocation,
} from './events';

/** What started a process: the boss, a child_process API, or none known ('os': only OS sampling, or only its own events, tell of it). */
export type ProcessKind = 'boss' | ChildApi | 'os';

/**
 * What the log says about one process. A class, so that a view's records that
 * extend it (renderer/model/processRecord.ts) are one flat object of fixed
 * shape: folding a 300k-event log reads and writes these fields per event.
 */
export class ProcessFacts {
  /** The parent; null for the boss (its parent is the lab) and while unknown. */
  ppid: number | null = null;
  kind: ProcessKind = 'os';
  /** The call's id (`${parentPid}:${n}`), 'boss', or null when no call is known. */
  childId: string | null = null;
  /** As the program named it in the call (the script, for the boss). */
  command = '';
  args: string[] = [];
  options: CallOptions | null = null;
  /** Where in the program the call was made. */
  source: SourceLocation | null = null;
  /** What OS sampling saw running under this pid, latest first seen (e.g. `/bin/sh -c …` for exec). */
  osArgv: string[] | null = null;
  /** What OS sampling saw the first time (a process may exec another program since). */
  firstOsArgv: string[] | null = null;
  /** OS sampling reported it (seen or gone). */
  sampled = false;
  /** It runs JavaScript: the boss, a fork, a caller of child_process, or it reported probe events. */
  runsNode = false;
  sync = false;
  callT: number | null = null;
  spawnT: number | null = null;
  /** Its exit (a child that never started: its close). */
  exitT: number | null = null;
  closeT: number | null = null;
  /** When sampling stopped seeing it. */
  goneT: number | null = null;
  disconnectT: number | null = null;
  callbackT: number | null = null;
  exitCode: number | null = null;
  signal: string | null = null;
  callbackError: CallbackError | null = null;
  /** First and latest time anything was heard of it. */
  firstT: number;
  lastT: number;

  constructor(
    readonly pid: number,
    t: number,
  ) {
    this.firstT = t;
    this.lastT = t;
  }
}

/** The API a process looks like: a Sync form looks like its asynchronous twin (execSync like exec). */
export type AsyncApi = 'exec' | 'execFile' | 'spawn' | 'fork';

export function asyncTwin(api: ChildApi): AsyncApi {
  if (api === 'exec' || api === 'execSync') return 'exec';
  if (api === 'execFile' || api === 'execFileSync') return 'execFile';
  if (api === 'fork') return 'fork';
  return 'spawn';
}

/**
 * Indices of a log in time order (stable: equal times keep arrival order). A
 * log is in arrival order; a view of a moment folds its events in this order.
 */
export function timeOrder(log: readonly LabEvent[]): number[] {
  return log.map((_, i) => i).sort((a, b) => log[a].t - log[b].t || a - b);
}

/** The parent's pid from a childId (`${parentPid}:${n}`), or null. */
export function parentPidOfChildId(childId: string | undefined | null): number | null {
  if (!childId) return null;
  const pid = Number.parseInt(childId, 10);
  return Number.isFinite(pid) ? pid : null;
}

export class ProcessModel<R extends ProcessFacts = ProcessFacts> {
  readonly processes = new Map<number, R>();
  bossPid: number | null = null;
  runStart: RunStartEvent | null = null;
  runEnd: RunEndEvent | null = null;
  /** Latest event time seen, µs. */
  lastT = 0;
  structureVersion = 0;
  private readonly pidByChildId = new Map<string, number>();
  private readonly callByChildId = new Map<string, CallEvent>();
  /** Processes whose exit event came (a close before it gives way to it). */
  private readonly exited = new Set<number>();

  constructor(private readonly create: (pid: number, t: number) => R = (pid, t) => new ProcessFacts(pid, t) as R) {}

  /** Fold a whole log. */
  applyAll(log: readonly LabEvent[]): this {
    for (const event of log) this.apply(event);
    return this;
  }

  /**
   * Fold one event; returns the process it is about, when one is known
   * (a message: its sender's on send, its receiver's on receipt).
   */
  apply(e: LabEvent): R | undefined {
    if (e.t > this.lastT) this.lastT = e.t;
    const own = e.pid === null ? undefined : this.ensure(e.pid, e.t);
    switch (e.type) {
      case 'run-start':
        this.onRunStart(e, own);
        return own;
      case 'run-end':
        this.runEnd = e;
        return own;
      case 'call':
        this.callByChildId.set(e.childId, e);
        if (own) own.runsNode = true;
        this.fill(this.processOfChild(e.childId), e);
        return own;
      case 'spawn':
        if (!own) return undefined;
        this.pidByChildId.set(e.childId, own.pid);
        own.childId = e.childId;
        own.spawnT = e.t;
        own.sync = e.sync === true;
        own.ppid = e.ppid;
        this.structureVersion++; // parent and start time fix the process's place
        if (!this.fill(own, this.callByChildId.get(e.childId))) own.kind = 'spawn';
        return own;
      case 'exit':
      case 'close': {
        const p = own ?? this.processOfChild(e.childId);
        if (p) this.onEnd(p, e);
        return p;
      }
      case 'disconnect': {
        const p = own ?? this.processOfChild(e.childId);
        if (p) p.disconnectT = e.t;
        return p;
      }
      case 'stdout':
      case 'stderr':
        return own ?? this.processOfChild(e.childId);
      case 'message': {
        if (own) own.runsNode = true;
        return this.ensure(e.dir === 'send' ? e.from : e.to, e.t);
      }
      case 'callback': {
        const p = this.processOfChild(e.childId);
        if (p) {
          p.callbackT = e.t;
          p.callbackError = e.error;
        }
        return p;
      }
      case 'error':
        if (own && e.where === 'uncaught') own.runsNode = true;
        return own;
      case 'thread':
      case 'task':
        if (own) own.runsNode = true;
        return own;
      case 'sample':
        if (own && e.elu !== undefined) own.runsNode = true;
        return own;
      case 'os-process':
        if (own) this.onOsProcess(own, e);
        return own;
      default:
        return own;
    }
  }

  /** The process with this pid, created when first heard of. */
  ensure(pid: number, t: number): R {
    let p = this.processes.get(pid);
    if (!p) {
      p = this.create(pid, t);
      this.processes.set(pid, p);
      this.structureVersion++;
    }
    if (t < p.firstT) p.firstT = t;
    if (t > p.lastT) p.lastT = t;
    return p;
  }

  /** The process a childId names, once its spawn is known ('boss' names the boss). */
  processOfChild(childId: string | undefined): R | undefined {
    const pid = childId === undefined ? undefined : this.pidByChildId.get(childId);
    return pid === undefined ? undefined : this.processes.get(pid);
  }

  callOf(childId: string): CallEvent | undefined {
    return this.callByChildId.get(childId);
  }

  private onRunStart(e: RunStartEvent, boss: R | undefined): void {
    this.runStart = e;
    if (!boss) return;
    this.bossPid = boss.pid;
    boss.kind = 'boss';
    boss.childId = BOSS_CHILD_ID;
    boss.command = e.script;
    boss.args = e.argv;
    boss.spawnT = e.t;
    boss.runsNode = true;
    this.pidByChildId.set(BOSS_CHILD_ID, boss.pid);
  }

  /** Takes what the call says into the process it started; false without a call. */
  private fill(p: R | undefined, call: CallEvent | undefined): boolean {
    if (!p || !call) return false;
    p.kind = call.api;
    p.command = call.command;
    p.args = call.args;
    p.options = call.options;
    p.source = call.source;
    p.callT = call.t;
    if (call.api === 'fork') p.runsNode = true;
    return true;
  }

  /** An exit, or a close: the exit's figures count; a close stands for an exit that never came (a child that never started). */
  private onEnd(p: R, e: Extract<LabEvent, { type: 'exit' | 'close' }>): void {
    if (e.type === 'close') p.closeT ??= e.t;
    const first = e.type === 'exit' ? !this.exited.has(p.pid) : p.exitT === null;
    if (!first) return;
    if (e.type === 'exit') this.exited.add(p.pid);
    p.exitT = e.t;
    p.exitCode = e.code;
    p.signal = e.signal;
  }

  private onOsProcess(p: R, e: Extract<LabEvent, { type: 'os-process' }>): void {
    p.sampled = true;
    if (e.state === 'gone') {
      p.goneT = e.t;
      return;
    }
    p.osArgv = e.argv.length > 0 ? e.argv : [e.command];
    p.firstOsArgv ??= p.osArgv;
    if (p.ppid === null && p.kind !== 'boss') {
      p.ppid = e.ppid;
      this.structureVersion++;
    }
  }
}
