/**
 * Two runs in figures, for the compare table: a pure function of each log
 * (wall time, processes, workers, CPU time from the samples, IPC messages,
 * output bytes) and how much faster B is than A.
 */
import type { LabEvent } from '../../shared/events';
import { isProbeSample, osSampledPids } from '../../shared/sample-figures';
import { summarize } from '../../shared/summary';

export interface RunFigures {
  /** µs from run-start to run-end (or to the last event while running). */
  wallUs: number;
  /** Distinct processes: the boss, every child, every OS-sampled process. */
  processes: number;
  /** Children started with fork(). */
  workers: number;
  /** CPU time of every sampled process, µs; null when the log has no sample with `cpu`. */
  cpuUs: number | null;
  /** IPC messages sent (each one is received once). */
  messages: number;
  /** stdout + stderr bytes received from every process. */
  outputBytes: number;
}

export function runFigures(log: readonly LabEvent[]): RunFigures {
  const s = summarize(log);
  return {
    wallUs: s.durationUs,
    processes: s.processes.count,
    workers: s.processes.byKind.fork ?? 0,
    cpuUs: cpuTimeUs(log),
    messages: s.messages.sent,
    outputBytes: s.bytes.stdout + s.bytes.stderr,
  };
}

/**
 * CPU time from the samples: per process, the OS's where it sampled it, else
 * the probe's (shared/sample-figures.ts), never both.
 *
 * OS samples: the sampler polls every `sampleIntervalMs` and each poll
 * measures the CPU % of one core since the previous one, but a sample is only
 * logged when that % changed: so a logged value holds from one poll before it
 * until one poll before the next logged value, and the last one until the
 * process exited (or was last seen). A probe sample covers its own `interval`.
 */
export function cpuTimeUs(log: readonly LabEvent[]): number | null {
  const start = log.find((e) => e.type === 'run-start');
  const pollUs = (start?.type === 'run-start' ? start.sampleIntervalMs : 50) * 1000;
  const osSampled = osSampledPids(log);
  const samples = new Map<number, Array<{ t: number; cpu: number }>>();
  const endOf = new Map<number, number>();
  let probeUs = 0;
  let any = false;
  for (const e of log) {
    if (e.pid === null) continue;
    if (e.type === 'sample' && e.cpu !== undefined && isProbeSample(e)) {
      if (osSampled.has(e.pid)) continue;
      probeUs += (e.cpu / 100) * (e.interval ?? 0);
      any = true;
    } else if (e.type === 'sample' && e.cpu !== undefined) {
      const list = samples.get(e.pid) ?? [];
      list.push({ t: e.t, cpu: e.cpu });
      samples.set(e.pid, list);
    } else if (e.type === 'exit' || (e.type === 'os-process' && e.state === 'gone')) {
      if (!endOf.has(e.pid)) endOf.set(e.pid, e.t);
    }
  }
  if (samples.size === 0 && !any) return null;
  let total = probeUs;
  for (const [pid, list] of samples) {
    list.sort((a, b) => a.t - b.t);
    list.forEach(({ t, cpu }, i) => {
      const from = t - pollUs;
      const until = i + 1 < list.length ? list[i + 1].t - pollUs : Math.max(endOf.get(pid) ?? t, t);
      total += (cpu / 100) * Math.max(0, until - from);
    });
  }
  return Math.round(total);
}

/** How many times faster B ran than A by wall time (2 = twice as fast, 0.5 = twice as slow); null without both. */
export function speedUp(a: RunFigures, b: RunFigures): number | null {
  return a.wallUs > 0 && b.wallUs > 0 ? a.wallUs / b.wallUs : null;
}

/** The cores the boss said it has: its `availableParallelism() = N` line (the lab's machine, not the browser's). */
export function reportedCores(log: readonly LabEvent[]): number | null {
  const start = log.find((e) => e.type === 'run-start');
  const boss = start?.pid ?? null;
  const printed = log
    .filter((e) => e.type === 'stdout' && e.pid === boss)
    .map((e) => (e.type === 'stdout' ? e.preview : ''))
    .join('');
  const found = /availableParallelism\(\) = (\d+)/.exec(printed);
  const cores = found ? Number(found[1]) : NaN;
  return Number.isInteger(cores) && cores > 0 ? cores : null;
}
