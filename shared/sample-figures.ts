/**
 * CPU and memory come from two sources: OS sampling (from outside: every
 * process of the tree, Node or not) and the probe (from inside each Node
 * process: process.cpuUsage() and process.memoryUsage.rss(), beside its
 * event-loop utilisation). A probe sample is the one with `elu`.
 *
 * Where both sample a process (Linux; macOS and Windows where the OS table
 * reads), the OS's figures count and the probe's are left out, so nothing is
 * counted twice. The OS wins because it measures from outside: its samples go
 * on while the process's event loop is blocked (when the probe's interval
 * cannot fire, and the process is busiest), and they put Node and other
 * processes on one footing. It reads the same kernel counters as
 * process.cpuUsage() and rss(), so nothing is lost. The probe's figures
 * count for a process the OS never sampled.
 */
import type { LabEvent, SampleEvent } from './events';

export function isProbeSample(e: SampleEvent): boolean {
  return e.elu !== undefined;
}

/** The figures of a sample that count. */
export interface Figures {
  cpu?: number;
  rss?: number;
}

/**
 * For events read in log order (a live run): a probe sample's figures count
 * until the OS has sampled that process.
 */
export class FigureSources {
  private readonly osSampled = new Set<number>();

  figuresOf(e: SampleEvent): Figures {
    if (e.pid === null) return {};
    if (!isProbeSample(e)) {
      if (e.cpu !== undefined || e.rss !== undefined) this.osSampled.add(e.pid);
      return { cpu: e.cpu, rss: e.rss };
    }
    return this.osSampled.has(e.pid) ? {} : { cpu: e.cpu, rss: e.rss };
  }
}

/** For a whole log: the pids the OS sampled, whose probe figures do not count. */
export function osSampledPids(log: readonly LabEvent[]): Set<number> {
  const out = new Set<number>();
  for (const e of log) if (e.type === 'sample' && e.pid !== null && !isProbeSample(e) && (e.cpu !== undefined || e.rss !== undefined)) out.add(e.pid);
  return out;
}

/** A sample's figures that count, given the pids the OS sampled. */
export function countedFigures(e: SampleEvent, osSampled: ReadonlySet<number>): Figures {
  if (e.pid === null || (isProbeSample(e) && osSampled.has(e.pid))) return {};
  return { cpu: e.cpu, rss: e.rss };
}
