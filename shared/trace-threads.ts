/**
 * Worker threads in a Chrome trace: each is a Perfetto thread of its own
 * inside its process (the process's own row, tid = pid, is its main thread),
 * with its life as slices — starting (new Worker → online), then running
 * until its exit — and named after its threadId and script. Pure.
 */
import type { LabEvent } from './events';

export interface TraceThread {
  pid: number;
  thread: number;
  file: string;
  start: number;
  online: number | null;
  exit: number | null;
  code: number | null;
}

/** Room for this many threads per process in the tid space: tid = pid · THREAD_TIDS + threadId. */
const THREAD_TIDS = 100_000;

/** The trace tid of a Worker thread (0, or none: the process's main thread, tid = pid). */
export function threadTid(pid: number, thread: number | undefined): number {
  return thread ? pid * THREAD_TIDS + thread : pid;
}

export function buildThreadTable(log: readonly LabEvent[]): Map<number, TraceThread> {
  const threads = new Map<number, TraceThread>();
  for (const e of log) {
    if (e.type !== 'thread' || e.pid === null) continue;
    const tid = threadTid(e.pid, e.thread);
    let t = threads.get(tid);
    if (!t) threads.set(tid, (t = { pid: e.pid, thread: e.thread, file: '', start: e.t, online: null, exit: null, code: null }));
    if (e.state === 'start') [t.start, t.file] = [e.t, e.file ?? ''];
    else if (e.state === 'online') t.online = e.t;
    else [t.exit, t.code] = [e.t, e.code ?? null];
  }
  return threads;
}

type Emit = (tid: number, pid: number, event: { ph: 'X'; ts: number; dur: number; cat: string; name: string; args?: Record<string, unknown> }) => void;

/** new Worker → online ("starting"), online → exit ("running → exit N"); a thread never seen to end runs to `end`. */
export function threadSlices(threads: Map<number, TraceThread>, end: number, emit: Emit): void {
  for (const [tid, t] of threads) {
    const running = t.online ?? t.start;
    const until = t.exit ?? Math.max(end, running);
    if (t.online !== null && t.online > t.start) emit(tid, t.pid, { ph: 'X', ts: t.start, dur: t.online - t.start, cat: 'lifetime', name: 'starting (new Worker → online)' });
    const label = t.exit === null ? 'running (no exit seen)' : `running → exit ${t.code ?? '?'}`;
    emit(tid, t.pid, { ph: 'X', ts: running, dur: Math.max(0, until - running), cat: 'lifetime', name: label, args: { thread: t.thread, file: t.file, exitCode: t.code } });
  }
}

export function threadName(t: TraceThread): string {
  const base = t.file.split(/[\\/]/).pop() || t.file;
  return `Worker thread ${t.thread}${base ? ` (${base})` : ''}`;
}
