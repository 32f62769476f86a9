/**
 * The event loops' callbacks in a Chrome trace: each callback an X slice on its thread's row
 * (the process's main thread, tid = pid, or its Worker thread's), named by its label, with its
 * kind as category (`callback.timer`…) and, for a timer, when it was due and how late it ran.
 * A coalesced run of callbacks is one slice over its span, its count and total time in args.
 * Slices on one tid must nest (docs/TRACE-FORMAT.md): a callback is kept inside its process's
 * or thread's life, and one whose span overlaps the previous one's (coalesced runs of two kinds
 * interleave) starts where that one ended. Pure.
 */
import type { LabEvent, TaskEvent } from './events';
import type { TraceProcess } from './trace-processes';
import { threadTid, type TraceThread } from './trace-threads';

type Emit = (tid: number, pid: number, event: { ph: 'X'; ts: number; dur: number; cat: string; name: string; args: Record<string, unknown> }) => void;

function sliceName(task: TaskEvent): string {
  const count = task.count ?? 1;
  if (count > 1) return `${count} ${task.kind} callbacks`;
  if (task.kind === 'other' && task.label === 'main') return 'main script';
  return task.label ? `${task.kind}: ${task.label}` : `${task.kind} callback`;
}

export function taskSlices(log: readonly LabEvent[], processes: ReadonlyMap<number, TraceProcess>, threads: ReadonlyMap<number, TraceThread>, emit: Emit): void {
  const byTid = new Map<number, TaskEvent[]>();
  for (const e of log) {
    if (e.type !== 'task' || e.pid === null) continue;
    const tid = threadTid(e.pid, e.threadId);
    const list = byTid.get(tid);
    if (list) list.push(e);
    else byTid.set(tid, [e]);
  }
  for (const [tid, tasks] of byTid) {
    const pid = tasks[0].pid as number;
    const thread = threads.get(tid);
    const proc = processes.get(pid);
    // The life the slices must stay in: the thread's (online → exit), or the process's (start → exit).
    const from = thread ? (thread.online ?? thread.start) : (proc?.start ?? -Infinity);
    const until = thread ? (thread.exit ?? Infinity) : (proc?.exitT ?? proc?.end ?? Infinity);
    let previousEnd = -Infinity;
    for (const task of [...tasks].sort((a, b) => a.t - b.t)) {
      const ts = Math.max(task.t, from, previousEnd);
      const end = Math.min(task.t + Math.max(task.dur, task.span ?? 0), until);
      if (end < ts) continue;
      previousEnd = end;
      const late = task.due !== undefined && (task.count ?? 1) === 1 ? task.t - task.due : undefined;
      emit(tid, pid, {
        ph: 'X', ts, dur: end - ts, cat: `callback.${task.kind}`, name: sliceName(task),
        args: { kind: task.kind, ran: task.dur, count: task.count ?? 1, span: task.span, label: task.label, due: task.due, late, source: task.source },
      });
    }
  }
}
