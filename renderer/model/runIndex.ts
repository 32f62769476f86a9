import type {
  CallbackEvent,
  CallEvent,
  ErrorEvent,
  ExitEvent,
  LabEvent,
  OsProcessEvent,
  RunEndEvent,
  RunStartEvent,
  SampleEvent,
  SpawnEvent,
} from '../../shared/events';
import { BOSS_CHILD_ID } from '../../shared/events';
import { FigureSources } from '../../shared/sample-figures';
import { IpcChannels } from './ipcChannels';
import { deriveLanes, type ProcessLane } from './processLanes';
import { createProcessRecord, type ProcessRecord } from './processRecord';
import { ThreadIndex } from './threadIndex';
import { TaskIndex } from './taskIndex';

/** The run's totals, as the toolbar shows them. */
export interface RunCounters {
  processes: number;
  /** stdout + stderr bytes received by parents. */
  bytes: number;
  /** IPC messages sent (a coalesced run of messages counts each one). */
  messages: number;
  /** Failures: error events and callbacks that got an error (one failure reported both ways counts once). */
  errors: number;
}

/** The parent's pid from a childId (`${parentPid}:${n}`), or null. */
export function parentPidOfChildId(childId: string | undefined | null): number | null {
  if (!childId) return null;
  const pid = Number.parseInt(childId, 10);
  return Number.isFinite(pid) ? pid : null;
}

/**
 * Indexes derived from one run's log, updated incrementally: `apply` visits only
 * the events a batch added. Records are mutated in place; `structureVersion`
 * bumps when the process tree's shape changes (a process, or a parent, appears).
 */
export class RunIndex {
  readonly processes = new Map<number, ProcessRecord>();
  readonly channels = new IpcChannels();
  /** Worker threads, each a lane under its process. */
  readonly threads = new ThreadIndex();
  /** The event loop's callbacks, a track under each thread that has them. */
  readonly tasks = new TaskIndex();
  /** Log indices of error events, failed callbacks and a run-end with reason 'error'. */
  readonly errors: number[] = [];
  readonly counters: RunCounters = { processes: 0, bytes: 0, messages: 0, errors: 0 };
  bossPid: number | null = null;
  runStart: RunStartEvent | null = null;
  runEnd: RunEndEvent | null = null;
  /** Latest event time seen, µs. */
  lastT = 0;
  structureVersion = 0;
  private readonly pidByChildId = new Map<string, number>();
  private readonly callByChildId = new Map<string, CallEvent>();
  /** Calls whose failure is already counted: Node reports one failure as an 'error' event and again to the callback. */
  private readonly failedChildren = new Set<string>();
  private sampleSpanUs = 50_000;
  private readonly figureSources = new FigureSources();
  private lanesCache: ProcessLane[] = [];
  private lanesVersion = -1;

  /** Fold log[from..] into the indexes. */
  apply(log: readonly LabEvent[], from: number): void {
    for (let i = from; i < log.length; i++) this.applyOne(log[i], i);
  }

  /** The timeline's lanes in tree order, derived again only when the tree changed. */
  lanes(): ProcessLane[] {
    if (this.lanesVersion !== this.structureVersion) {
      this.lanesCache = deriveLanes(this.processes, this.threads, this.tasks);
      this.lanesVersion = this.structureVersion;
    }
    return this.lanesCache;
  }

  /** The record a childId names, once its spawn is known. */
  processOfChild(childId: string): ProcessRecord | undefined {
    const pid = this.pidByChildId.get(childId);
    return pid === undefined ? undefined : this.processes.get(pid);
  }

  callOf(childId: string): CallEvent | undefined {
    return this.callByChildId.get(childId);
  }

  /** Fold one event, `i` its place in the log (errors and markers point back to it). */
  applyOne(event: LabEvent, i: number): void {
    if (event.t > this.lastT) this.lastT = event.t;
    switch (event.type) {
      case 'run-start':
        return this.onRunStart(event);
      case 'run-end':
        return this.onRunEnd(event, i);
      case 'call':
        return this.onCall(event);
      case 'spawn':
        return this.onSpawn(event);
      case 'exit':
      case 'close':
        return this.onExit(event, i);
      case 'disconnect': {
        const record = this.recordFor(event.pid, event.childId, event.t);
        if (record) record.disconnectT = event.t;
        return;
      }
      case 'stdout':
      case 'stderr': {
        const record = this.recordFor(event.pid, event.childId, event.t);
        this.counters.bytes += event.bytes;
        if (!record) return;
        const count = event.count ?? 1;
        if (event.type === 'stdout') {
          record.stdoutBytes += event.bytes;
          record.stdoutChunks += count;
          record.stdout.add(event.t, event.bytes, count, i);
        } else {
          record.stderrBytes += event.bytes;
          record.stderrChunks += count;
          record.stderr.add(event.t, event.bytes, count, i);
        }
        return;
      }
      case 'message': {
        const count = event.count ?? 1;
        this.channels.add(event, i);
        if (event.dir === 'send') {
          this.counters.messages += count;
          const sender = this.ensure(event.from, event.t);
          sender.messagesSent += count;
        } else {
          this.ensure(event.to, event.t).messagesReceived += count;
        }
        const inThread = this.threads.of(event);
        if (inThread) inThread[event.dir === 'send' ? 'messagesSent' : 'messagesReceived'] += count;
        return;
      }
      case 'task':
        if (event.pid !== null) this.ensure(event.pid, event.t);
        if (this.tasks.add(event, i)) this.structureVersion++;
        return;
      case 'thread':
        if (this.threads.apply(event)) this.structureVersion++;
        if (event.pid !== null) this.ensure(event.pid, event.t);
        return;
      case 'callback':
        return this.onCallback(event, i);
      case 'error':
        return this.onError(event, i);
      case 'os-process':
        return this.onOsProcess(event);
      case 'sample':
        return this.onSample(event);
    }
  }

  private ensure(pid: number, t: number): ProcessRecord {
    let record = this.processes.get(pid);
    if (!record) {
      record = createProcessRecord(pid, t);
      this.processes.set(pid, record);
      this.counters.processes = this.processes.size;
      this.structureVersion++;
    }
    if (t < record.firstT) record.firstT = t;
    if (t > record.lastT) record.lastT = t;
    return record;
  }

  private recordFor(pid: number | null, childId: string | undefined, t: number): ProcessRecord | undefined {
    if (pid !== null) return this.ensure(pid, t);
    const known = childId === undefined ? undefined : this.pidByChildId.get(childId);
    return known === undefined ? undefined : this.ensure(known, t);
  }

  private onRunStart(event: RunStartEvent): void {
    this.runStart = event;
    this.sampleSpanUs = event.sampleIntervalMs * 1000;
    if (event.pid === null) return;
    this.bossPid = event.pid;
    const boss = this.ensure(event.pid, event.t);
    boss.kind = 'boss';
    boss.childId = BOSS_CHILD_ID;
    boss.command = event.script;
    boss.args = event.argv;
    boss.spawnT = event.t;
    this.pidByChildId.set(BOSS_CHILD_ID, event.pid);
  }

  private onRunEnd(event: RunEndEvent, i: number): void {
    this.runEnd = event;
    if (event.reason === 'error') this.addError(i, this.bossPid, event.t);
  }

  private onCall(event: CallEvent): void {
    this.callByChildId.set(event.childId, event);
    const known = this.processOfChild(event.childId);
    if (known) this.fillFromCall(known, event);
  }

  private fillFromCall(record: ProcessRecord, call: CallEvent): void {
    record.kind = call.api;
    record.command = call.command;
    record.args = call.args;
    record.options = call.options;
    record.source = call.source;
    record.callT = call.t;
  }

  private onSpawn(event: SpawnEvent): void {
    if (event.pid === null) return;
    const record = this.ensure(event.pid, event.t);
    this.pidByChildId.set(event.childId, event.pid);
    record.childId = event.childId;
    record.spawnT = event.t;
    record.sync = event.sync === true;
    record.ppid = event.ppid;
    this.structureVersion++; // parent and start time fix the lane's place
    const call = this.callByChildId.get(event.childId);
    if (call) this.fillFromCall(record, call);
    else record.kind = 'spawn';
  }

  private onExit(event: ExitEvent, i: number): void {
    const record = this.recordFor(event.pid, event.childId, event.t);
    if (!record) return;
    if (event.type === 'exit') {
      record.exitT = event.t;
    } else {
      record.closeT = event.t;
      if (record.exitT === null) record.exitT = event.t;
    }
    if (record.exitCode === null) record.exitCode = event.code;
    if (event.signal && record.signal === null) {
      record.signal = event.signal;
      record.markers.add(event.t, 0, 1, i);
    }
  }

  private onCallback(event: CallbackEvent, i: number): void {
    const record = this.processOfChild(event.childId);
    if (record) {
      record.callbackT = event.t;
      record.callbackError = event.error;
    }
    if (!event.error || this.failedChildren.has(event.childId)) return;
    this.failedChildren.add(event.childId);
    this.addError(i, record?.pid ?? parentPidOfChildId(event.childId) ?? event.pid, event.t);
  }

  private onError(event: ErrorEvent, i: number): void {
    const inThread = this.threads.of(event);
    if (inThread) {
      // Thrown inside a Worker thread: its octagon goes on the thread's lane.
      this.errors.push(i);
      this.counters.errors = this.errors.length;
      inThread.markers.add(event.t, 0, 1, i);
      return;
    }
    if (event.childId !== undefined && event.where === 'child') {
      if (this.failedChildren.has(event.childId)) return;
      this.failedChildren.add(event.childId);
    }
    const pid = event.pid ?? this.pidByChildId.get(event.childId ?? '') ?? parentPidOfChildId(event.childId) ?? this.bossPid;
    this.addError(i, pid, event.t);
  }

  private addError(i: number, pid: number | null, t: number): void {
    this.errors.push(i);
    this.counters.errors = this.errors.length;
    if (pid === null) return;
    const record = this.ensure(pid, t);
    record.errorCount++;
    record.markers.add(t, 0, 1, i);
  }

  private onOsProcess(event: OsProcessEvent): void {
    if (event.pid === null) return;
    const record = this.ensure(event.pid, event.t);
    if (event.state === 'gone') {
      record.goneT = event.t;
      return;
    }
    record.osArgv = event.argv.length > 0 ? event.argv : [event.command];
    if (record.ppid === null && record.kind !== 'boss') {
      record.ppid = event.ppid;
      this.structureVersion++;
    }
  }

  private onSample(event: SampleEvent): void {
    if (event.pid === null) return;
    const inThread = this.threads.of(event);
    if (inThread) {
      if (event.elu !== undefined) inThread.eluSamples.add(event.t, event.interval ?? this.sampleSpanUs, event.elu);
      return;
    }
    const record = this.ensure(event.pid, event.t);
    if (event.elu !== undefined) {
      record.elu = event.elu;
      record.eluSamples.add(event.t, event.interval ?? this.sampleSpanUs, event.elu);
    }
    // The OS's CPU and RSS where it sampled the process, else the probe's: never both.
    const { cpu, rss } = this.figureSources.figuresOf(event);
    if (cpu !== undefined) {
      record.cpu = cpu;
      record.cpuSamples.add(event.t, event.interval ?? this.sampleSpanUs, cpu / 100);
    }
    if (rss !== undefined) record.rss = rss;
  }
}
