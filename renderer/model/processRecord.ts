import type { CallbackError, CallOptions, ChildApi, SourceLocation } from '../../shared/events';
import { SampleSeries } from './sampleSeries';
import { TickSeries } from './tickSeries';

/** What a process is in the lesson: the boss, a child started by one API, or an OS process only sampling saw. */
export type ProcessKind = 'boss' | ChildApi | 'os';

/**
 * Everything the views know about one process of the run, derived from the
 * log and updated in place as batches arrive (one record per pid).
 */
export interface ProcessRecord {
  pid: number;
  /** The parent; null for the boss (its parent is the lab). */
  ppid: number | null;
  kind: ProcessKind;
  /** The call's id (`${parentPid}:${n}`), 'boss', or null for an OS process. */
  childId: string | null;
  /** As the program named it in the call (or the OS, for an OS process). */
  command: string;
  args: string[];
  options: CallOptions | null;
  /** Where in the program the call was made. */
  source: SourceLocation | null;
  /** What OS sampling saw running under this pid (e.g. `/bin/sh -c …` for exec). */
  osArgv: string[] | null;
  sync: boolean;
  callT: number | null;
  spawnT: number | null;
  exitT: number | null;
  closeT: number | null;
  /** When sampling stopped seeing it. */
  goneT: number | null;
  disconnectT: number | null;
  callbackT: number | null;
  /** First and latest time anything was heard of it. */
  firstT: number;
  lastT: number;
  exitCode: number | null;
  signal: string | null;
  callbackError: CallbackError | null;
  stdoutBytes: number;
  stderrBytes: number;
  stdoutChunks: number;
  stderrChunks: number;
  messagesSent: number;
  messagesReceived: number;
  errorCount: number;
  /** Latest samples: CPU % of one core, RSS bytes, event-loop utilisation 0–1. */
  cpu: number | null;
  rss: number | null;
  elu: number | null;
  /** Output the parent received from this process. */
  stdout: TickSeries;
  stderr: TickSeries;
  /** Errors, failed callbacks, signals: the octagons on its lane. */
  markers: TickSeries;
  eluSamples: SampleSeries;
  cpuSamples: SampleSeries;
}

export function createProcessRecord(pid: number, t: number): ProcessRecord {
  return {
    pid,
    ppid: null,
    kind: 'os',
    childId: null,
    command: '',
    args: [],
    options: null,
    source: null,
    osArgv: null,
    sync: false,
    callT: null,
    spawnT: null,
    exitT: null,
    closeT: null,
    goneT: null,
    disconnectT: null,
    callbackT: null,
    firstT: t,
    lastT: t,
    exitCode: null,
    signal: null,
    callbackError: null,
    stdoutBytes: 0,
    stderrBytes: 0,
    stdoutChunks: 0,
    stderrChunks: 0,
    messagesSent: 0,
    messagesReceived: 0,
    errorCount: 0,
    cpu: null,
    rss: null,
    elu: null,
    stdout: new TickSeries(),
    stderr: new TickSeries(),
    markers: new TickSeries(4),
    eluSamples: new SampleSeries(),
    cpuSamples: new SampleSeries(),
  };
}

function basename(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

/** A lane label's command: the program's base name and its arguments, bounded. */
export function shortCommand(record: ProcessRecord, maxChars = 48): string {
  const words = record.command
    ? [record.kind === 'exec' ? record.command : basename(record.command), ...record.args.map(basename)]
    : (record.osArgv ?? []).map((word, i) => (i === 0 ? basename(word) : word));
  const text = words.join(' ').trim() || '?';
  return text.length > maxChars ? text.slice(0, maxChars - 1) + '…' : text;
}

/** When the process started living (spawn, else first seen) and when it stopped (exit, else gone). */
export function lifetimeOf(record: ProcessRecord): { start: number; exit: number | null; close: number | null } {
  return {
    start: record.spawnT ?? record.firstT,
    exit: record.exitT ?? record.goneT,
    close: record.closeT,
  };
}

export type VisualKind = 'boss' | 'exec' | 'execFile' | 'spawn' | 'fork' | 'shell' | 'os';

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'cmd.exe', 'powershell.exe', 'pwsh']);

/** The colour and badge a process wears: its API (sync forms look like their async twins), or shell / OS. */
export function visualKind(record: Pick<ProcessRecord, 'kind' | 'osArgv'>): VisualKind {
  switch (record.kind) {
    case 'execSync':
      return 'exec';
    case 'execFileSync':
      return 'execFile';
    case 'spawnSync':
      return 'spawn';
    case 'os':
      return SHELLS.has(basename(record.osArgv?.[0] ?? '')) ? 'shell' : 'os';
    default:
      return record.kind;
  }
}
