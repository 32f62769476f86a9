/**
 * A run's OS sampling: a poll of its tree every sampleIntervalMs (never two at
 * once: a table read by `ps` can take longer than the interval), a scan for
 * processes that left the tree about every 500 ms, and one last look at the
 * run's end, when every process of the tree is seen to go.
 */
import type { OsEvent, ProcessTable } from './os-sampler';
import { type RunHoldView, type SamplerStats, TreeSampler } from './os-sampler-tree';

/** Environments are scanned for escaped processes about this often. */
const ESCAPE_SCAN_MS = 500;

export interface SamplingHooks {
  /** What a poll saw; `last`: the look at the run's end, once the tree is gone and the channel closed. */
  events(events: OsEvent[], last: boolean): void;
  /** Sampling failed (and, mid-run, was turned off). */
  failed(message: string): void;
}

export class RunSampling {
  readonly sampler: TreeSampler;
  private timer: NodeJS.Timeout | null;
  private ticks = 0;
  private done = false;

  constructor(
    table: ProcessTable,
    boss: number,
    runId: string,
    clockUs: () => number,
    hold: RunHoldView,
    private readonly intervalMs: number,
    private readonly hooks: SamplingHooks,
  ) {
    this.sampler = new TreeSampler(table, boss, runId, clockUs, hold);
    this.timer = setInterval(() => this.tick(), intervalMs).unref();
  }

  get stats(): SamplerStats {
    return this.sampler.stats;
  }

  /** No more polls (the sampler still answers survivors()). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sampling ends with one more look: every process of the tree is then 'gone'. */
  async last(): Promise<void> {
    this.stop();
    if (this.done) return;
    try {
      const events = await this.sampler.poll();
      if (!this.done) this.hooks.events(events, true);
    } catch (err) {
      this.hooks.failed(`OS sampling failed at the run's end: ${(err as Error).message}`);
    }
    this.done = true;
  }

  /** One poll, unless the last is still under way. */
  private tick(): void {
    if (this.sampler.busy()) return;
    const scan = ++this.ticks % Math.max(1, Math.round(ESCAPE_SCAN_MS / this.intervalMs)) === 0;
    this.sampler.poll(scan).then(
      (events) => {
        // Even after stop(): a poll under way then may have found processes gone, which the last look no longer reports.
        if (!this.done) this.hooks.events(events, false);
      },
      (err: Error) => {
        if (this.done || !this.timer) return;
        this.hooks.failed(`OS sampling failed and was turned off: ${err.message}`);
        this.stop();
      },
    );
  }
}
