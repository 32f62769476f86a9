import { asyncTwin, ProcessFacts } from '../../shared/process-model';
import { basename } from '../../shared/process-names';
import { SampleSeries } from './sampleSeries';
import { TickSeries } from './tickSeries';

export type { ProcessKind } from '../../shared/process-model';

/**
 * Everything the views know about one process of the run: the facts of the
 * run's process model (shared/process-model.ts) and what the timeline adds,
 * updated in place as batches arrive (one record per pid).
 */
export class ProcessRecord extends ProcessFacts {
  stdoutBytes = 0;
  stderrBytes = 0;
  stdoutChunks = 0;
  stderrChunks = 0;
  messagesSent = 0;
  messagesReceived = 0;
  errorCount = 0;
  /** Latest samples: CPU % of one core, RSS bytes, event-loop utilisation 0–1. */
  cpu: number | null = null;
  rss: number | null = null;
  elu: number | null = null;
  /** Output the parent received from this process. */
  readonly stdout = new TickSeries();
  readonly stderr = new TickSeries();
  /** Errors, failed callbacks, signals: the octagons on its lane. */
  readonly markers = new TickSeries(4);
  readonly eluSamples = new SampleSeries();
  readonly cpuSamples = new SampleSeries();
}

export function createProcessRecord(pid: number, t: number): ProcessRecord {
  return new ProcessRecord(pid, t);
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
  if (record.kind === 'os') return SHELLS.has(basename(record.osArgv?.[0] ?? '')) ? 'shell' : 'os';
  return record.kind === 'boss' ? 'boss' : asyncTwin(record.kind);
}
