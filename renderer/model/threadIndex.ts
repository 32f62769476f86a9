import type { LabEvent, SourceLocation, ThreadEvent } from '../../shared/events';
import { SampleSeries } from './sampleSeries';
import { TickSeries } from './tickSeries';

/**
 * A Worker thread (node:worker_threads) of one process, as the views know it:
 * created by a thread of that process (0: its main thread), started, online,
 * ended with an exit code. Its lane sits under its process's.
 */
export interface ThreadRecord {
  pid: number;
  /** The Worker's threadId, ≥ 1. */
  thread: number;
  /** The thread that created it: 0 for the process's main thread. */
  parentThread: number;
  /** The script, as the program gave it (or '[worker eval]'). */
  file: string;
  source: SourceLocation | null;
  startT: number;
  onlineT: number | null;
  exitT: number | null;
  exitCode: number | null;
  messagesSent: number;
  messagesReceived: number;
  /** Errors thrown inside the thread: octagons on its lane. */
  markers: TickSeries;
  /** The thread's own event-loop utilisation, from the probe running in it. */
  eluSamples: SampleSeries;
}

/** One key per thread of the run: threadIds are unique within a process only. */
export function threadKey(pid: number, thread: number): string {
  return `${pid}:${thread}`;
}

/** The thread an event happened in, if not a main thread: `${pid}:${threadId}`. */
function threadKeyOf(event: LabEvent): string | null {
  return event.threadId !== undefined && event.pid !== null ? threadKey(event.pid, event.threadId) : null;
}

/** The run's Worker threads, by key, updated as events arrive. */
export class ThreadIndex {
  readonly byKey = new Map<string, ThreadRecord>();

  /** Folds a thread event; true when a thread appeared (the lanes change). */
  apply(event: ThreadEvent): boolean {
    if (event.pid === null) return false;
    let record = this.byKey.get(threadKey(event.pid, event.thread));
    const appeared = record === undefined;
    if (!record) {
      record = {
        pid: event.pid,
        thread: event.thread,
        parentThread: event.threadId ?? 0,
        file: '',
        source: null,
        startT: event.t,
        onlineT: null,
        exitT: null,
        exitCode: null,
        messagesSent: 0,
        messagesReceived: 0,
        markers: new TickSeries(4),
        eluSamples: new SampleSeries(),
      };
      this.byKey.set(threadKey(event.pid, event.thread), record);
    }
    if (event.state === 'start') {
      record.startT = event.t;
      record.file = event.file ?? record.file;
      record.source = event.source ?? null;
    } else if (event.state === 'online') {
      record.onlineT = event.t;
    } else {
      record.exitT = event.t;
      record.exitCode = event.code ?? null;
    }
    return appeared;
  }

  /** The thread an event happened in (null on a main thread, or a thread not yet known). */
  of(event: LabEvent): ThreadRecord | undefined {
    const key = threadKeyOf(event);
    return key === null ? undefined : this.byKey.get(key);
  }

  /** The threads of process `pid`, in the order they started. */
  ofProcess(pid: number): ThreadRecord[] {
    return [...this.byKey.values()].filter((r) => r.pid === pid).sort((a, b) => a.startT - b.startT || a.thread - b.thread);
  }
}
