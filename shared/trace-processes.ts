/**
 * Every process of a run, named and timed, for the trace: the boss
 * ("boss: node parent.js"), each child by the call that started it
 * ("fork: worker.js 3"), processes only OS sampling saw by their command line.
 */
import type { LabEvent } from './events';
import { ProcessModel, type ProcessFacts, type ProcessKind } from './process-model';
import { basename, callCommandLine, osCommandLine, shortPath } from './process-names';

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
  /** The run's process model they are derived from (childIds, calls). */
  model: ProcessModel;
}

/** The trace's processes: the run's process model, each named and given its slice of time. */
export function buildTraceProcesses(log: readonly LabEvent[]): TraceProcesses {
  const model = new ProcessModel().applyAll(log);
  const runEnd = model.runEnd?.t ?? model.lastT;
  const processes = new Map<number, TraceProcess>();
  for (const p of model.processes.values()) {
    const kind = p.kind === 'os' && p.firstOsArgv === null ? 'unknown' : p.kind;
    // A Sync child's life is the call's: it was spawned and gone before the call returned.
    const start = p.sync && p.callT !== null ? Math.min(p.callT, p.firstT) : p.firstT;
    const lastClose = p.closeT !== null && (p.exitT === null || p.closeT > p.exitT) ? p.closeT : null;
    const end = lastClose ?? p.exitT ?? p.goneT ?? Math.max(p.lastT, runEnd);
    processes.set(p.pid, {
      pid: p.pid, name: nameOf(p, kind, model), kind, node: p.runsNode, start,
      exitT: p.exitT, closeT: p.closeT, end: Math.max(end, start), exitCode: p.exitCode, signal: p.signal,
    });
  }
  return { bossPid: model.bossPid, processes, model };
}

function nameOf(p: ProcessFacts, kind: TraceProcess['kind'], model: ProcessModel): string {
  if (kind === 'boss') {
    const demoId = model.runStart?.demoId;
    return ['boss: node', basename(p.command), ...p.args.map(shortPath)].join(' ') + (demoId ? ` (demo ${demoId})` : '');
  }
  if (kind === 'os') return clip(osCommandLine(p.firstOsArgv ?? []));
  if (kind === 'unknown') return `pid ${p.pid}`;
  return p.callT !== null ? `${kind}: ${clip(callCommandLine(p.command, p.args))}` : `child ${p.childId}`;
}

function clip(line: string): string {
  return line.length > 80 ? line.slice(0, 79) + '…' : line;
}
