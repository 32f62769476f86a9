/**
 * Every process of a run, named and timed, for the trace: the boss
 * ("boss: node parent.js"), each child by the call that started it
 * ("fork: worker.js 3"), processes only OS sampling saw by their command line.
 */
import { BOSS_CHILD_ID, type CallEvent, type LabEvent } from './events';
import type { ProcessKind } from './summary';

export interface TraceProcess {
  pid: number;
  name: string;
  kind: ProcessKind | 'unknown';
  /** Runs JavaScript (boss, fork, or it reported probe events): its thread is an event loop. */
  node: boolean;
  start: number;
  exitT: number | null;
  closeT: number | null;
  /** End of its last lifetime slice: close, else exit, else the last time it was seen or the run ended. */
  end: number;
  exitCode: number | null;
  signal: string | null;
}

export interface TraceProcesses {
  bossPid: number | null;
  processes: Map<number, TraceProcess>;
  /** childId → the child's pid, once spawned. */
  pidOfChild: Map<string, number>;
  /** childId → the pid of the process that made the call. */
  callerOfChild: Map<string, number>;
}

function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** A long absolute path (a script, a program) reads better as its file name; `/` or `/tmp` stay. */
function shortPath(word: string): string {
  return /^([A-Za-z]:)?[\\/]/.test(word) && word.split(/[\\/]/).filter(Boolean).length > 2 ? basename(word) : word;
}

function commandLine(call: CallEvent): string {
  const command = call.command.includes('/') || call.command.includes('\\') ? basename(call.command) : call.command;
  const line = [command, ...call.args.map(shortPath)].join(' ');
  return line.length > 80 ? line.slice(0, 79) + '…' : line;
}

export function buildTraceProcesses(log: readonly LabEvent[]): TraceProcesses {
  const table: TraceProcesses = { bossPid: null, processes: new Map(), pidOfChild: new Map(), callerOfChild: new Map() };
  const calls = new Map<string, CallEvent>();
  const firstT = new Map<number, number>();
  const lastT = new Map<number, number>();
  const gone = new Map<number, number>();
  let runEnd: number | null = null;
  let logEnd = 0;

  const get = (pid: number, t: number): TraceProcess => {
    let proc = table.processes.get(pid);
    if (!proc) {
      proc = { pid, name: `pid ${pid}`, kind: 'unknown', node: false, start: t, exitT: null, closeT: null, end: t, exitCode: null, signal: null };
      table.processes.set(pid, proc);
    }
    return proc;
  };

  for (const e of log) {
    logEnd = Math.max(logEnd, e.t);
    if (e.pid !== null) {
      if (!firstT.has(e.pid)) firstT.set(e.pid, e.t);
      lastT.set(e.pid, Math.max(lastT.get(e.pid) ?? e.t, e.t));
    }
    switch (e.type) {
      case 'run-start':
        if (e.pid === null) break;
        table.bossPid = e.pid;
        Object.assign(get(e.pid, e.t), {
          kind: 'boss', node: true, start: e.t,
          name: ['boss: node', basename(e.script), ...e.argv.map(shortPath)].join(' ') + (e.demoId ? ` (demo ${e.demoId})` : ''),
        });
        break;
      case 'run-end':
        runEnd = e.t;
        break;
      case 'call':
        calls.set(e.childId, e);
        if (e.pid !== null) {
          table.callerOfChild.set(e.childId, e.pid);
          get(e.pid, e.t).node = true;
        }
        break;
      case 'spawn': {
        if (e.pid === null) break;
        table.pidOfChild.set(e.childId, e.pid);
        const call = calls.get(e.childId);
        const proc = get(e.pid, e.t);
        proc.kind = call?.api ?? 'spawn';
        proc.name = call ? `${call.api}: ${commandLine(call)}` : `child ${e.childId}`;
        proc.start = e.sync && call ? call.t : e.t;
        if (call?.api === 'fork') proc.node = true;
        break;
      }
      case 'exit':
      case 'close': {
        const pid = e.pid ?? table.pidOfChild.get(e.childId) ?? (e.childId === BOSS_CHILD_ID ? table.bossPid : null);
        if (pid === null) break;
        const proc = get(pid, e.t);
        if (e.type === 'exit' && proc.exitT === null) {
          proc.exitT = e.t;
          proc.exitCode = e.code;
          proc.signal = e.signal;
        } else if (e.type === 'close' && proc.closeT === null) {
          proc.closeT = e.t;
          if (proc.exitT === null) {
            proc.exitCode = e.code;
            proc.signal = e.signal;
          }
        }
        break;
      }
      case 'os-process': {
        if (e.pid === null) break;
        const known = table.processes.has(e.pid);
        const proc = get(e.pid, e.t);
        if (e.state === 'gone') gone.set(e.pid, e.t);
        else if (!known || proc.kind === 'unknown') {
          proc.kind = 'os';
          const line = (e.argv.length ? [basename(e.argv[0]), ...e.argv.slice(1)] : [e.command]).join(' ');
          proc.name = line.length > 80 ? line.slice(0, 79) + '…' : line;
        }
        break;
      }
      case 'message':
      case 'sample':
        if (e.pid !== null && (e.type === 'message' || e.elu !== undefined)) get(e.pid, e.t).node = true;
        break;
      case 'error':
        if (e.pid !== null && e.where === 'uncaught') get(e.pid, e.t).node = true;
        break;
    }
  }

  for (const [pid, t] of firstT) get(pid, t);
  for (const proc of table.processes.values()) {
    proc.start = Math.min(proc.start, firstT.get(proc.pid) ?? proc.start);
    const lastClose = proc.closeT !== null && (proc.exitT === null || proc.closeT > proc.exitT) ? proc.closeT : null;
    if (proc.exitT === null && proc.closeT !== null) proc.exitT = proc.closeT;
    proc.end = lastClose ?? proc.exitT ?? gone.get(proc.pid) ?? Math.max(lastT.get(proc.pid) ?? proc.start, runEnd ?? logEnd);
    proc.end = Math.max(proc.end, proc.start);
  }
  return table;
}
