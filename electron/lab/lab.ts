/**
 * The lab: runs Node scripts as observed process trees and hands their events
 * to subscribers, about one batch per animation frame. Pure Node (never
 * imports `electron`); the Electron shell, `obra serve` and the CLI adapt it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { DemoInfo, DemoSource, EventBatch, ObraApi, RunInfo } from '../../shared/api';
import type { LabEvent, RunEndEvent } from '../../shared/events';
import type { Lesson } from '../../shared/lesson';
import { guardRun, releaseRun } from './exit-guard';
import { DemoCatalogue } from './demo-catalogue';
import { ObraError } from './obra-error';
import { type ProcessTable, createProcessTable } from './os-sampler';
import { keeperEnv } from './boss-launch';
import { demosDir, keeperEntry, probeEntry } from './paths';
import { Run, type RunSettings, type RunStats } from './run';
import { CONTAINMENT_KINDS, type ContainmentKind } from './run-hold';
import { type LabRunRequest, checkRunRequest, planRun } from './run-request';
import { KeeperSupply } from './site-keeper';
import { createTreeKiller } from './tree-killer';

export interface LabOptions {
  /** Default: <package root>/assets/demos. */
  demosDir?: string;
  /** The boss's Node; default process.execPath (under Electron pass env ELECTRON_RUN_AS_NODE=1). */
  nodePath?: string;
  /** Processes of one run alive at once; default 256. */
  maxProcesses?: number;
  /** Default 4. */
  maxConcurrentRuns?: number;
  /** OS sampling period; default 50 ms. */
  sampleIntervalMs?: number;
  /** Default 8 ms: an event waits at most half a frame in the lab. */
  batchIntervalMs?: number;
  /** Extra environment for the boss (and so its tree), e.g. { ELECTRON_RUN_AS_NODE: '1' }. */
  env?: Record<string, string>;
  /** Events one run's log may hold; default 2,000,000. */
  maxEvents?: number;
  /** Past this rate, a run's output and message events are coalesced (exact counts); default 20,000. */
  maxEventsPerSecond?: number;
  /** The OS process table; default this platform's (tests run macOS's `ps` table on Linux with it). */
  processTable?: ProcessTable | null;
  /**
   * What the logs of ended runs may take in memory in all (estimated), default 256 MiB:
   * past it the oldest ended runs are forgotten first. The last run to end is always kept.
   */
  keptLogBytes?: number;
  /**
   * The ways of holding a run's processes the lab may use (default all): the
   * strongest this machine permits is used and named in run-start. [] leaves
   * ancestry alone (what macOS has).
   */
  containment?: readonly ContainmentKind[];
  /**
   * Keep a site keeper started ahead for the next run (default false): a run then starts
   * a Node start sooner. For the app and `obra serve`, whose runs follow one another.
   */
  spareKeeper?: boolean;
}

/** Ended runs whose logs stay readable through log(), at most; older ones are forgotten. */
const KEEP_ENDED_RUNS = 16;
/** A run's first event after this long without a batch is handed on at once. */
const QUIET_MS = 16;

export class Lab implements ObraApi {
  private readonly catalogue: DemoCatalogue;
  private readonly settings: Omit<RunSettings, 'probe'>;
  private readonly maxConcurrentRuns: number;
  private readonly batchIntervalMs: number;
  private readonly runs = new Map<string, Run>();
  private readonly live = new Set<Run>();
  /** Runs that have ended and are still kept, in the order they ended. */
  private readonly endedRuns: Run[] = [];
  private readonly keptLogBytes: number;
  private readonly listeners = new Set<(batch: EventBatch) => void>();
  private starting = 0;
  private timer: NodeJS.Timeout | null = null;
  /** When each run's last batch went out. */
  private readonly deliveredAt = new WeakMap<Run, number>();
  private closed = false;

  constructor(opts: LabOptions = {}) {
    this.catalogue = new DemoCatalogue(opts.demosDir ?? demosDir());
    this.maxConcurrentRuns = whole(opts.maxConcurrentRuns, 4, 'maxConcurrentRuns');
    this.batchIntervalMs = whole(opts.batchIntervalMs, 8, 'batchIntervalMs');
    this.keptLogBytes = whole(opts.keptLogBytes, 256 * 1024 * 1024, 'keptLogBytes');
    const nodePath = opts.nodePath ?? process.execPath;
    const extraEnv = { ...opts.env };
    this.settings = {
      nodePath,
      extraEnv,
      maxProcesses: whole(opts.maxProcesses, 256, 'maxProcesses'),
      sampleIntervalMs: whole(opts.sampleIntervalMs, 50, 'sampleIntervalMs'),
      logLimits: { maxEvents: whole(opts.maxEvents, 2_000_000, 'maxEvents'), maxEventsPerSecond: whole(opts.maxEventsPerSecond, 20_000, 'maxEventsPerSecond') },
      table: opts.processTable !== undefined ? opts.processTable : createProcessTable(),
      killer: createTreeKiller(),
      keepers: new KeeperSupply(nodePath, keeperEntry(), keeperEnv(extraEnv), opts.spareKeeper === true),
      koffi: koffiEntry(),
      containment: checkContainment(opts.containment),
    };
  }

  listDemos(): Promise<DemoInfo[]> {
    return this.catalogue.list();
  }

  readDemo(id: string): Promise<DemoSource[]> {
    return this.catalogue.read(id);
  }

  /** A demo as a lesson (shared/lesson.ts): its description, its checked narration, its scripts. */
  lesson(id: string): Promise<Lesson> {
    return this.catalogue.lesson(id);
  }

  async startRun(req: LabRunRequest): Promise<RunInfo> {
    if (this.closed) throw new ObraError('ERR_OBRA_SHUT_DOWN', 'The lab has shut down; it starts no more runs.');
    const checked = checkRunRequest(req);
    if (this.live.size + this.starting >= this.maxConcurrentRuns) {
      throw new ObraError('ERR_OBRA_RUN_LIMIT', `${this.maxConcurrentRuns} runs are already going (the lab's limit); stop one first.`);
    }
    this.starting++;
    let run: Run;
    let sources: DemoSource[] | undefined;
    try {
      const plan = await planRun(checked, this.catalogue);
      sources = plan.sources;
      const probe = probeEntry();
      run = await Run.start(plan, { ...this.settings, probe: fs.existsSync(probe) ? probe : null });
    } finally {
      this.starting--;
    }
    this.track(run);
    if (this.closed) {
      // shutdown() came while this run was starting: it does not outlive the lab.
      await run.stop('stopped');
      throw new ObraError('ERR_OBRA_SHUT_DOWN', 'The lab shut down while the run was starting; it was stopped.');
    }
    return { runId: run.id, header: run.header, ...(sources ? { sources } : {}) };
  }

  stopRun(runId: string): Promise<void> {
    try {
      return this.find(runId).stop('stopped');
    } catch (err) {
      return Promise.reject(err);
    }
  }

  subscribe(listener: (batch: EventBatch) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The run's whole log so far (arrival order between batches, `t` order within each). */
  log(runId: string): readonly LabEvent[] {
    const run = this.find(runId);
    this.deliver(run);
    return run.log.events;
  }

  /** Figures about a run: log size, coalesced and dropped events, bad records, OS sampling cost. */
  stats(runId: string): RunStats {
    return this.find(runId).stats();
  }

  ended(runId: string): Promise<RunEndEvent> {
    try {
      return this.find(runId).ended;
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Stop every run and start no more. Resolves when every run has ended. */
  async shutdown(): Promise<void> {
    this.closed = true;
    this.settings.keepers.close();
    await Promise.all([...this.live].map((run) => run.stop('stopped')));
    this.stopTimer();
  }

  private find(runId: string): Run {
    const run = typeof runId === 'string' ? this.runs.get(runId) : undefined;
    if (!run) throw new ObraError('ERR_OBRA_UNKNOWN_RUN', `No run has the id ${JSON.stringify(String(runId).slice(0, 80))}`);
    return run;
  }

  private track(run: Run): void {
    this.runs.set(run.id, run);
    this.live.add(run);
    guardRun(run);
    run.onEnd = () => {
      this.live.delete(run);
      releaseRun(run);
      this.deliver(run, true);
      this.endedRuns.push(run);
      this.forgetOldRuns();
      if (!this.live.size) this.stopTimer();
      this.settings.keepers.prepare();
    };
    this.timer ??= setInterval(() => {
      for (const r of this.live) this.deliver(r);
    }, this.batchIntervalMs).unref();
    // An event after a quiet spell goes out at the end of this turn, not at the next tick
    // (half a batch interval later on average); a flood is still batched by the interval.
    const quietMs = Math.min(this.batchIntervalMs, QUIET_MS);
    let soon: NodeJS.Immediate | null = null;
    run.onEvent = () => {
      if (soon || performance.now() - (this.deliveredAt.get(run) ?? -Infinity) < quietMs) return;
      soon = setImmediate(() => {
        soon = null;
        if (this.live.has(run)) this.deliver(run);
      });
    };
  }

  private deliver(run: Run, end = false): void {
    const events = run.log.takeBatch();
    if (!events.length && !end) return;
    this.deliveredAt.set(run, performance.now());
    const batch: EventBatch = end ? { runId: run.id, events, end: true } : { runId: run.id, events };
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch (err) {
        process.emitWarning(`An Obra lab subscriber threw: ${(err as Error)?.message ?? err}`, 'ObraWarning');
      }
    }
  }

  /** Keep the logs of the last runs to end within KEEP_ENDED_RUNS and keptLogBytes; forget the oldest first. */
  private forgetOldRuns(): void {
    let bytes = 0;
    let keep = 0;
    for (const run of [...this.endedRuns].reverse()) {
      bytes += run.log.bytes;
      if (keep > 0 && (keep >= KEEP_ENDED_RUNS || bytes > this.keptLogBytes)) break;
      keep++;
    }
    for (const run of this.endedRuns.splice(0, this.endedRuns.length - keep)) this.runs.delete(run.id);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function checkContainment(kinds: readonly ContainmentKind[] | undefined): readonly ContainmentKind[] {
  if (kinds === undefined) return CONTAINMENT_KINDS;
  if (!Array.isArray(kinds) || !kinds.every((k) => CONTAINMENT_KINDS.includes(k))) {
    throw new ObraError('ERR_OBRA_BAD_OPTION', `LabOptions.containment must list some of ${CONTAINMENT_KINDS.join(', ')}`);
  }
  return [...kinds];
}

/** koffi's entry, for the site keeper to load (an optional dependency: null where it is not installed). */
function koffiEntry(): string | null {
  try {
    return createRequire(__filename).resolve('koffi');
  } catch {
    return null;
  }
}

function whole(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new ObraError('ERR_OBRA_BAD_OPTION', `LabOptions.${name} must be a whole number ≥ 1`);
  return value;
}
