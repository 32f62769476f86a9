/**
 * A run in figures: how many processes, bytes, messages and errors, how long,
 * and how the boss ended. A pure function of the event log (no Node or DOM
 * imports); `RunTally` also counts incrementally, for live counters.
 */
import { BOSS_CHILD_ID, type LabEvent, type RunEndReason } from './events';
import { ProcessModel, type ProcessKind } from './process-model';

export type { ProcessKind } from './process-model';

export interface ErrorSummary {
  t: number;
  pid: number | null;
  /** FailureEvent's `where`, or 'callback'. */
  where: string;
  name: string;
  code: string | null;
  message: string;
}

export interface RunSummary {
  processes: {
    /** Distinct processes seen: the boss, every spawned child, every OS-sampled process (the run's process model, less pids known by nothing else). */
    count: number;
    byKind: Partial<Record<ProcessKind, number>>;
  };
  /** child_process calls made, including those whose child never started. */
  calls: number;
  /** Worker threads started (node:worker_threads), in any process of the run. */
  threads: number;
  bytes: { stdout: number; stderr: number };
  /** Output chunks received (a coalesced event counts for its `count`). */
  chunks: { stdout: number; stderr: number };
  messages: { sent: number; received: number; bytesSent: number; bytesReceived: number };
  /** Signals the program sent with process.kill that went (not signal 0, not a call that threw), by name. */
  signals: { sent: number; bySignal: Record<string, number> };
  /**
   * Error events, plus errors handed to an exec/execFile callback (a non-zero exit is
   * keyed `exit N`, maxBuffer by its code) that no 'error' event already reported.
   */
  errors: { count: number; byCode: Record<string, number>; first: ErrorSummary[] };
  /** Microseconds from run-start to run-end (or to the last event while running). */
  durationUs: number;
  boss: { pid: number | null; code: number | null; signal: string | null; exited: boolean };
  /** How the run ended; null while it is still running. */
  end: { reason: RunEndReason; errorCode?: string; message?: string } | null;
  events: number;
}

/** How many errors the summary keeps verbatim. */
const FIRST_ERRORS = 10;

/** Counts a run one event at a time. */
export class RunTally {
  private readonly model = new ProcessModel();
  /** `${childId} ${code}` of child 'error' events, so the callback's copy is not counted twice. */
  private readonly childErrors = new Set<string>();
  private startT: number | null = null;
  private lastT = 0;
  private s: RunSummary = {
    processes: { count: 0, byKind: {} },
    calls: 0,
    threads: 0,
    bytes: { stdout: 0, stderr: 0 },
    chunks: { stdout: 0, stderr: 0 },
    messages: { sent: 0, received: 0, bytesSent: 0, bytesReceived: 0 },
    signals: { sent: 0, bySignal: {} },
    errors: { count: 0, byCode: {}, first: [] },
    durationUs: 0,
    boss: { pid: null, code: null, signal: null, exited: false },
    end: null,
    events: 0,
  };

  add(e: LabEvent): void {
    // Who each process is (its kind, whether OS sampling saw it) is all the summary reads of the model,
    // and only these events decide it: the others would only date processes, at a cost per event.
    if (e.type === 'run-start' || e.type === 'call' || e.type === 'spawn' || e.type === 'os-process') this.model.apply(e);
    const s = this.s;
    s.events++;
    if (e.t > this.lastT) this.lastT = e.t;
    switch (e.type) {
      case 'run-start':
        this.startT = e.t;
        s.boss.pid = e.pid;
        break;
      case 'run-end':
        s.end = { reason: e.reason, ...(e.errorCode ? { errorCode: e.errorCode } : {}), ...(e.message ? { message: e.message } : {}) };
        if (!s.boss.exited) {
          s.boss.code = e.code;
          s.boss.signal = e.signal;
        }
        break;
      case 'call':
        s.calls++;
        break;
      case 'thread':
        if (e.state === 'start') s.threads++;
        break;
      case 'exit':
        if (e.childId === BOSS_CHILD_ID) s.boss = { pid: e.pid ?? s.boss.pid, code: e.code, signal: e.signal, exited: true };
        break;
      case 'stdout':
      case 'stderr':
        s.bytes[e.type] += e.bytes;
        s.chunks[e.type] += e.count ?? 1;
        break;
      case 'message':
        if (e.dir === 'send') {
          s.messages.sent += e.count ?? 1;
          s.messages.bytesSent += e.bytes;
        } else {
          s.messages.received += e.count ?? 1;
          s.messages.bytesReceived += e.bytes;
        }
        break;
      case 'kill':
        if (e.code === null && e.signal !== '0') {
          s.signals.sent++;
          s.signals.bySignal[e.signal] = (s.signals.bySignal[e.signal] ?? 0) + 1;
        }
        break;
      case 'error':
        if (e.childId) this.childErrors.add(`${e.childId} ${e.code}`);
        this.addError({ t: e.t, pid: e.pid, where: e.where, name: e.name, code: e.code, message: e.message }, e.code ?? e.name);
        break;
      case 'callback': {
        // exec/execFile hand their error to the callback: count it, unless the child's
        // 'error' event already did (a failed start reaches both).
        const err = e.error;
        if (!err || this.childErrors.has(`${e.childId} ${err.code}`)) break;
        const key = typeof err.code === 'number' ? `exit ${err.code}` : (err.code ?? err.signal ?? 'Error');
        this.addError({ t: e.t, pid: e.pid, where: 'callback', name: 'Error', code: err.code === null ? null : String(err.code), message: err.message }, key);
        break;
      }
    }
  }

  /** The figures so far (a fresh copy). */
  summary(): RunSummary {
    const s = JSON.parse(JSON.stringify(this.s)) as RunSummary;
    s.durationUs = Math.max(0, this.lastT - (this.startT ?? 0));
    s.processes = this.processes();
    return s;
  }

  private addError(error: ErrorSummary, key: string): void {
    const errors = this.s.errors;
    errors.count++;
    errors.byCode[key] = (errors.byCode[key] ?? 0) + 1;
    if (errors.first.length < FIRST_ERRORS) errors.first.push(error);
  }

  /** The processes by kind: each one the log says something of besides events of its own (a start, a call, OS sampling). */
  private processes(): RunSummary['processes'] {
    const byKind: Partial<Record<ProcessKind, number>> = {};
    let count = 0;
    for (const p of this.model.processes.values()) {
      if (p.kind === 'os' && !p.sampled) continue;
      count++;
      byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    }
    return { count, byKind };
  }
}

/** The figures of a whole log. */
export function summarize(log: readonly LabEvent[]): RunSummary {
  const tally = new RunTally();
  for (const event of log) tally.add(event);
  return tally.summary();
}
