import type { CallbackEvent, CallEvent, FailureEvent, KillEvent, LabEvent, RunEndEvent, RunStartEvent, SampleEvent } from '../../shared/events';
import { parentPidOfChildId, ProcessModel } from '../../shared/process-model';
import { signalReach, type ProcessTree } from '../../shared/signal-reach';
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

export { parentPidOfChildId };

/**
 * Indexes derived from one run's log, updated incrementally: `apply` visits only
 * the events a batch added. The processes are the run's one process model
 * (shared/process-model.ts), whose records carry what the timeline adds per
 * process (bytes, series, markers); `structureVersion` bumps when the process
 * tree's shape changes (a process, a parent, or a thread appears).
 */
export class RunIndex {
  /** Who the processes are and how they live: the shared model, with the timeline's records. */
  readonly model = new ProcessModel<ProcessRecord>(createProcessRecord);
  readonly processes = this.model.processes;
  readonly channels = new IpcChannels();
  /** Worker threads, each a lane under its process. */
  readonly threads = new ThreadIndex();
  /** The event loop's callbacks, a track under each thread that has them. */
  readonly tasks = new TaskIndex();
  /** Log indices of error events, failed callbacks and a run-end with reason 'error'. */
  readonly errors: number[] = [];
  readonly counters: RunCounters = { processes: 0, bytes: 0, messages: 0, errors: 0 };
  /** Threads and callback tracks that appeared (the model counts the processes). */
  private threadVersion = 0;
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

  get bossPid(): number | null {
    return this.model.bossPid;
  }

  get runStart(): RunStartEvent | null {
    return this.model.runStart;
  }

  get runEnd(): RunEndEvent | null {
    return this.model.runEnd;
  }

  /** Latest event time seen, µs. */
  get lastT(): number {
    return this.model.lastT;
  }

  get structureVersion(): number {
    return this.model.structureVersion + this.threadVersion;
  }

  /** The record a childId names, once its spawn is known. */
  processOfChild(childId: string): ProcessRecord | undefined {
    return this.model.processOfChild(childId);
  }

  callOf(childId: string): CallEvent | undefined {
    return this.model.callOf(childId);
  }

  /** Fold one event, `i` its place in the log (errors and markers point back to it). */
  applyOne(event: LabEvent, i: number): void {
    const signalBefore = event.type === 'exit' || event.type === 'close' ? this.endingOf(event)?.signal ?? null : null;
    const record = this.model.apply(event);
    this.counters.processes = this.processes.size;
    switch (event.type) {
      case 'run-start':
        this.sampleSpanUs = event.sampleIntervalMs * 1000;
        return;
      case 'run-end':
        if (event.reason === 'error') this.addError(i, this.bossPid, event.t);
        return;
      case 'exit':
      case 'close':
        // A signal ended it: an octagon where it ended.
        if (record?.signal && signalBefore === null) record.markers.add(event.t, 0, 1, i);
        return;
      case 'stdout':
      case 'stderr': {
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
          if (record) record.messagesSent += count;
        } else if (record) {
          record.messagesReceived += count;
        }
        const inThread = this.threads.of(event);
        if (inThread) inThread[event.dir === 'send' ? 'messagesSent' : 'messagesReceived'] += count;
        return;
      }
      case 'task':
        if (this.tasks.add(event, i)) this.threadVersion++;
        return;
      case 'thread':
        if (this.threads.apply(event)) this.threadVersion++;
        return;
      case 'callback':
        return this.onCallback(event, i);
      case 'error':
        return this.onError(event, i);
      case 'kill':
        return this.onKill(event, i);
      case 'sample':
        return this.onSample(event, record);
    }
  }

  /** The process an exit or close is about, as the model finds it (by pid, else by childId). */
  private endingOf(event: { pid: number | null; childId: string }): ProcessRecord | undefined {
    return event.pid !== null ? this.processes.get(event.pid) : this.model.processOfChild(event.childId);
  }

  private onCallback(event: CallbackEvent, i: number): void {
    const record = this.processOfChild(event.childId);
    if (!event.error || this.failedChildren.has(event.childId)) return;
    this.failedChildren.add(event.childId);
    this.addError(i, record?.pid ?? parentPidOfChildId(event.childId) ?? event.pid, event.t);
  }

  private onError(event: FailureEvent, i: number): void {
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
    const pid = event.pid ?? this.model.processOfChild(event.childId)?.pid ?? parentPidOfChildId(event.childId) ?? this.bossPid;
    this.addError(i, pid, event.t);
  }

  private addError(i: number, pid: number | null, t: number): void {
    this.errors.push(i);
    this.counters.errors = this.errors.length;
    if (pid === null) return;
    const record = this.model.ensure(pid, t);
    this.counters.processes = this.processes.size;
    record.errorCount++;
    record.markers.add(t, 0, 1, i);
  }

  /** A signal the program sent: an octagon on every lane it reached (a group's leader and members). */
  private onKill(event: KillEvent, i: number): void {
    for (const pid of signalReach(event, this.tree)) this.processes.get(pid)?.markers.add(event.t, 0, 1, i);
  }

  private readonly tree: ProcessTree = {
    pids: () => this.processes.keys(),
    parentOf: (pid) => this.processes.get(pid)?.ppid ?? null,
    aliveAt: (pid, t) => {
      const record = this.processes.get(pid);
      if (!record) return false;
      const end = record.exitT ?? record.goneT;
      return (record.spawnT ?? record.firstT) <= t && (end === null || end >= t);
    },
    leadsOwnGroup: (pid) => this.processes.get(pid)?.options?.detached === true,
  };

  /** A sample of `record`, the process it was taken of (none for a sample with no pid). */
  private onSample(event: SampleEvent, record: ProcessRecord | undefined): void {
    if (!record) return;
    const inThread = this.threads.of(event);
    if (inThread) {
      if (event.elu !== undefined) inThread.eluSamples.add(event.t, event.interval ?? this.sampleSpanUs, event.elu);
      return;
    }
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
