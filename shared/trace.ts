/**
 * The event log as Chrome Trace Event JSON (see docs/TRACE-FORMAT.md), for
 * Perfetto UI or chrome://tracing. One Chrome "process" per OS process, its
 * main thread as tid = pid and each Worker thread a thread of its own
 * (trace-threads.ts): its lifetime as X slices, its event loop's callbacks
 * as X slices inside it (trace-tasks.ts), output, calls, errors and
 * signals as thread instants, IPC as flows, samples as counters, narration
 * steps as global instants. Pure: no Node or DOM imports.
 */
import type { LabEvent, IpcMessageEvent } from './events';
import { countedFigures, osSampledPids } from './sample-figures';
import { buildTraceProcesses, type TraceProcess } from './trace-processes';
import { joinMessages, seqLabel } from './trace-flows';
import { buildThreadTable, threadName, threadSlices, threadTid, type TraceThread } from './trace-threads';
import { taskSlices } from './trace-tasks';

export interface TraceEvent {
  ph: 'M' | 'X' | 'i' | 'C';
  name: string;
  pid: number;
  tid?: number;
  ts?: number;
  dur?: number;
  s?: 'g' | 'p' | 't';
  cat?: string;
  args?: Record<string, unknown>;
  bind_id?: number;
  flow_out?: boolean;
  flow_in?: boolean;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
}

/** A narration step the run reached, at the moment it was reached: a global instant in the trace. */
export interface NarrationMark {
  t: number;
  text: string;
}

export interface TraceOptions {
  steps?: readonly NarrationMark[];
}

const MAX_NAME = 100;

function clip(text: string, max = MAX_NAME): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

function exitLabel(code: number | null, signal: string | null): string {
  return signal ? `killed by ${signal}` : code === null ? 'no exit seen' : `exit ${code}`;
}

/** Convert a run's log to a Chrome trace. */
export function toChromeTrace(log: readonly LabEvent[], options: TraceOptions = {}): ChromeTrace {
  const table = buildTraceProcesses(log);
  const out: TraceEvent[] = [];
  const used = new Set<number>();
  /** On process `pid`'s row, or on its Worker thread `thread`'s (≥ 1). */
  const on = (pid: number, event: Omit<TraceEvent, 'pid' | 'tid'>, thread?: number) => {
    used.add(pid);
    out.push({ ...event, pid, tid: threadTid(pid, thread) });
  };
  const threads = buildThreadTable(log);
  const fallbackPid = table.bossPid ?? 0;
  const osSampled = osSampledPids(log);

  for (const proc of table.processes.values()) lifetimeSlices(proc, on);
  threadSlices(threads, log.length ? log[log.length - 1].t : 0, (tid, pid, event) => {
    used.add(pid);
    out.push({ ...event, pid, tid });
  });
  taskSlices(log, table.processes, threads, (tid, pid, event) => {
    used.add(pid);
    out.push({ ...event, pid, tid });
  });

  const messages: IpcMessageEvent[] = [];
  for (const e of log) {
    switch (e.type) {
      case 'stdout':
      case 'stderr':
        if (e.pid === null) break;
        on(e.pid, {
          ph: 'i', s: 't', ts: e.t, cat: e.type,
          name: `${e.type} ${e.bytes} B${(e.count ?? 1) > 1 ? ` (${e.count} chunks)` : ''}`,
          args: { bytes: e.bytes, chunks: e.count ?? 1, preview: e.preview },
        });
        break;
      case 'call':
        if (e.pid === null) break;
        on(e.pid, {
          ph: 'i', s: 't', ts: e.t, cat: 'call',
          name: clip(`${e.api}(${[e.command, ...e.args].join(' ')})`),
          args: { childId: e.childId, command: e.command, args: e.args, options: e.options, source: e.source },
        }, e.threadId);
        break;
      case 'callback':
        if (e.pid === null) break;
        on(e.pid, {
          ph: 'i', s: 't', ts: e.t, cat: 'callback',
          name: `${e.api} callback${e.error ? ` (error ${e.error.code ?? e.error.signal ?? ''})` : ''}`,
          args: { childId: e.childId, error: e.error, stdoutBytes: e.stdoutBytes, stderrBytes: e.stderrBytes },
        }, e.threadId);
        break;
      case 'disconnect':
        if (e.pid !== null) on(e.pid, { ph: 'i', s: 't', ts: e.t, cat: 'ipc', name: 'disconnect', args: { childId: e.childId } });
        break;
      case 'exit':
      case 'close': {
        const pid = e.pid ?? table.model.processOfChild(e.childId)?.pid ?? null;
        if (e.signal && pid !== null) on(pid, { ph: 'i', s: 't', ts: e.t, cat: 'signal', name: `signal ${e.signal} (${e.type})`, args: { signal: e.signal } });
        break;
      }
      case 'kill': {
        // On the sender, the call; on the process (or the group's leader) it went to, the signal.
        const args = { target: e.target, signal: e.signal, code: e.code, source: e.source };
        if (e.pid !== null) on(e.pid, { ph: 'i', s: 't', ts: e.t, cat: 'signal', name: `process.kill(${e.target}, ${e.signal})${e.code ? ` threw ${e.code}` : ''}`, args });
        const to = Math.abs(e.target);
        if (e.code === null && e.signal !== '0' && to > 1 && table.processes.has(to)) {
          on(to, { ph: 'i', s: 't', ts: e.t, cat: 'signal', name: `signal ${e.signal}${e.target < 0 ? ' to its group' : ''} from ${e.pid ?? '?'}`, args });
        }
        break;
      }
      case 'error': {
        const pid = e.pid ?? (e.childId ? table.model.callOf(e.childId)?.pid : undefined) ?? null;
        const name = clip(`error ${e.code ?? e.name}: ${e.message}`);
        const args = { where: e.where, name: e.name, code: e.code, message: e.message, syscall: e.syscall, path: e.path, source: e.source };
        // An uncaught error is the dying thread's own; a child's error is told on the child's row.
        if (pid !== null) on(pid, { ph: 'i', s: 't', ts: e.t, cat: 'error', name, args }, e.where === 'uncaught' ? e.threadId : undefined);
        else out.push({ ph: 'i', s: 'g', pid: fallbackPid, tid: fallbackPid, ts: e.t, cat: 'error', name, args });
        break;
      }
      case 'sample': {
        if (e.pid === null) break;
        const { cpu, rss } = countedFigures(e, osSampled);
        if (cpu !== undefined) on(e.pid, { ph: 'C', ts: e.t, name: 'cpu %', args: { cpu } });
        if (rss !== undefined) on(e.pid, { ph: 'C', ts: e.t, name: 'rss MB', args: { rss: Math.round(rss / 1024 / 102.4) / 10 } });
        if (e.elu !== undefined) on(e.pid, { ph: 'C', ts: e.t, name: e.threadId ? `event-loop utilisation, thread ${e.threadId}` : 'event-loop utilisation', args: { elu: e.elu } });
        break;
      }
      case 'message':
        messages.push(e);
        break;
      case 'run-end':
        out.push({
          ph: 'i', s: 'g', pid: fallbackPid, tid: fallbackPid, ts: e.t, cat: 'run',
          name: `run end: ${e.reason}${e.errorCode ? ` (${e.errorCode})` : ''}`,
          args: { reason: e.reason, code: e.code, signal: e.signal, errorCode: e.errorCode, message: e.message },
        });
        break;
    }
  }

  messageFlows(messages, table.processes, threads, on);

  for (const step of options.steps ?? []) {
    out.push({ ph: 'i', s: 'g', pid: fallbackPid, tid: fallbackPid, ts: step.t, cat: 'narration', name: clip(step.text, 200) });
  }

  const metadata: TraceEvent[] = [];
  for (const pid of [...used, ...(table.bossPid !== null ? [table.bossPid] : [])]) {
    if (metadata.some((m) => m.pid === pid)) continue;
    const proc = table.processes.get(pid);
    metadata.push({ ph: 'M', pid, name: 'process_name', args: { name: proc?.name ?? `pid ${pid}` } });
    metadata.push({ ph: 'M', pid, tid: pid, name: 'thread_name', args: { name: proc?.node ? 'event loop' : 'process' } });
  }
  for (const [tid, t] of threads) metadata.push({ ph: 'M', pid: t.pid, tid, name: 'thread_name', args: { name: threadName(t) } });
  return { traceEvents: [...metadata, ...out], displayTimeUnit: 'ms' };
}

type Emit = (pid: number, event: Omit<TraceEvent, 'pid' | 'tid'>, thread?: number) => void;

/** spawn → exit, then exit → close (stdio still draining), as X slices. */
function lifetimeSlices(proc: TraceProcess, on: Emit): void {
  const args = { api: proc.kind, exitCode: proc.exitCode, signal: proc.signal };
  if (proc.kind === 'os') {
    on(proc.pid, { ph: 'X', ts: proc.start, dur: Math.max(0, proc.end - proc.start), cat: 'lifetime', name: 'seen by OS sampling', args });
    return;
  }
  const exitAt = proc.exitT ?? proc.end;
  const label = proc.exitT === null ? 'running (no exit seen)' : `running → ${exitLabel(proc.exitCode, proc.signal)}`;
  on(proc.pid, { ph: 'X', ts: proc.start, dur: Math.max(0, exitAt - proc.start), cat: 'lifetime', name: label, args });
  if (proc.exitT !== null && proc.closeT !== null && proc.closeT > proc.exitT) {
    on(proc.pid, { ph: 'X', ts: proc.exitT, dur: proc.closeT - proc.exitT, cat: 'lifetime', name: 'exit → close (stdio draining)', args });
  }
}

/** A short slice at `ts` that stays inside the lifetime slices of its process or thread (slices on a tid must nest). */
function shortSliceDur(proc: TraceProcess | undefined, ts: number, thread?: TraceThread): number {
  let dur = 1;
  const boundaries = thread ? [thread.online, thread.exit] : proc ? [proc.exitT, proc.end] : [];
  for (const boundary of boundaries) {
    if (boundary !== null && ts <= boundary && ts + dur > boundary) dur = boundary - ts;
  }
  return dur;
}

function messageFlows(messages: IpcMessageEvent[], processes: Map<number, TraceProcess>, threads: Map<number, TraceThread>, on: Emit): void {
  const { flows, unjoined } = joinMessages(messages);
  const end = (pid: number, thread: number | undefined) => (thread ? `${pid} thread ${thread}` : String(pid));
  const slice = (e: IpcMessageEvent, flow?: { id: number; out: boolean }) => {
    const pid = e.dir === 'send' ? e.from : e.to;
    const thread = e.dir === 'send' ? e.fromThread : e.toThread;
    const name = e.dir === 'send' ? `send ${seqLabel(e)} → ${end(e.to, e.toThread)}` : `recv ${seqLabel(e)} ← ${end(e.from, e.fromThread)}`;
    on(pid, {
      ph: 'X', ts: e.t, dur: shortSliceDur(processes.get(pid), e.t, thread ? threads.get(threadTid(pid, thread)) : undefined), cat: 'ipc', name,
      args: { bytes: e.bytes, count: e.count ?? 1, preview: e.preview },
      ...(flow ? { bind_id: flow.id, ...(flow.out ? { flow_out: true } : { flow_in: true }) } : {}),
    }, thread);
  };
  let nextId = 1;
  for (const flow of flows) {
    const id = nextId++;
    slice(flow.send, { id, out: true });
    slice(flow.recv, { id, out: false });
  }
  for (const e of unjoined) slice(e);
}
