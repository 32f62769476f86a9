/**
 * One run: the boss and every process it starts, from spawn to run-end.
 *
 * Life of a run: a private folder (mode 700) with the report FIFO (and a
 * copy of the uploaded or edited files, if any: electron/lab/private-copy.ts) → the boss spawned in its own process group →
 * events from the boss's pipes, the report channel and OS sampling go into
 * the run's log → the boss exits, or the run is stopped → whatever of the
 * tree remains is ended → the channel is drained → `run-end` → the folder is
 * removed. `ended` always settles; no timer outlives the run.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabEvent, LogHeader, RunEndEvent, RunEndReason } from '../../shared/events';
import { BOSS_CHILD_ID, LOG_VERSION } from '../../shared/events';
import { bossEnv, nodeVersionOf } from './boss-launch';
import { ObraError } from './obra-error';
import { type ProcessTable, namedPids, processTableProblem } from './os-sampler';
import type { OsEvent } from './os-sampler';
import type { SamplerStats } from './os-sampler-tree';
import { splitLines } from './output-lines';
import { previewOf } from './preview';
import { makePrivateCopy } from './private-copy';
import { ProcessCount } from './process-count';
import { watchChannelPath } from './channel-watch';
import { RecordGate } from './record-gate';
import { type ReportChannel, createReportChannel } from './report-channel';
import type { RunPlan } from './run-request';
import { BoundedRunLog, type BoundedRunLogLimits } from './bounded-run-log';
import { type ContainmentKind, RunHold, suspectsMessage } from './run-hold';
import { runProcesses } from './run-processes';
import { RunSampling } from './run-sampling';
import { type BossProcess, type KeeperSupply, keeperLostMessage } from './site-keeper';
import { settlesWithin, sleep, stopTree } from './stop-tree';
import type { TreeKiller } from './tree-killer';

export interface RunSettings {
  nodePath: string;
  extraEnv: Record<string, string>;
  probe: string | null;
  maxProcesses: number;
  sampleIntervalMs: number;
  logLimits: BoundedRunLogLimits;
  table: ProcessTable | null;
  killer: TreeKiller;
  /** Where each run's site keeper comes from. */
  keepers: KeeperSupply;
  /** koffi's entry (a keeper becomes a child subreaper through it), null where it is not installed. */
  koffi: string | null;
  /** The ways of holding a run the lab may use (run-hold.ts); the strongest this machine permits is used. */
  containment: readonly ContainmentKind[];
}

export interface RunStats {
  /** Events in the log. */
  events: number;
  /** Events folded into others past the rate limit (their counts and bytes kept). */
  coalesced: number;
  /** Events refused after the log was full. */
  dropped: number;
  /** Records from the report channel that were refused (not LabEvents, or claims the run disproves). */
  badRecords: number;
  /** What the log takes in memory, estimated. */
  logBytes: number;
  /** Time spent polling the OS process table (null where the OS is not sampled). */
  sampling: SamplerStats | null;
}

/** After the boss exits, the rest of its tree has this long to end by itself. */
const EXIT_GRACE_MS = 500;

export class Run {
  readonly id = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
  readonly log: BoundedRunLog;
  header!: LogHeader;
  readonly ended: Promise<RunEndEvent>;
  /** Called once run-end is in the log (before `ended` settles, after the tree is gone). */
  onEnd: (end: RunEndEvent) => void = () => {};
  /** Called for each event logged (the lab hands a first one on at once after a quiet spell). */
  onEvent: () => void = () => {};

  private settleEnded!: (end: RunEndEvent) => void;
  private dir = '';
  private channel: ReportChannel | null = null;
  private boss: BossProcess | null = null;
  private hold: RunHold | null = null;
  private bossPid = 0;
  private t0 = 0n;
  private sampling: RunSampling | null = null;
  private samplerStats: SamplerStats | null = null;
  private deadlineTimer: NodeJS.Timeout | null = null;
  private bossExit: { code: number | null; signal: string | null } | null = null;
  private bossExited!: Promise<void>;
  private bossClosed!: Promise<void>;
  private stopReason: RunEndReason | null = null;
  private failure: { code: string; message: string } | null = null;
  private badRecords = 0;
  private gate: RecordGate | null = null;
  /** False once the report channel's FIFO is gone from its path (null: not watched). */
  private channelIntact: (() => boolean) | null = null;
  private channelLost = false;
  private readonly processCount: ProcessCount;
  private finishing: Promise<void> | null = null;
  private killing: Promise<void> | null = null;
  private isOver = false;
  private heldBack: LabEvent[] | null = [];

  private constructor(private readonly s: RunSettings) {
    this.log = new BoundedRunLog(s.logLimits, () =>
      this.fail('ERR_OBRA_EVENT_LIMIT', `The run's log reached ${s.logLimits.maxEvents} events (the lab's limit); Obra stopped the run.`),
    );
    this.ended = new Promise((resolve) => (this.settleEnded = resolve));
    this.processCount = new ProcessCount(s.table);
  }

  /** Start a run; rejects (leaving nothing behind) if the boss cannot be started. */
  static async start(plan: RunPlan, settings: RunSettings): Promise<Run> {
    const run = new Run(settings);
    try {
      await run.launch(plan);
    } catch (err) {
      await run.channel?.close();
      await run.hold?.release();
      if (run.dir) await fs.promises.rm(run.dir, { recursive: true, force: true });
      throw ObraError.from(err);
    }
    return run;
  }

  /** What the run cost and kept: log size, coalescing, drops, bad records, OS sampling time. */
  stats(): RunStats {
    return { events: this.log.events.length, coalesced: this.log.coalesced, dropped: this.log.dropped, badRecords: this.badRecords, logBytes: this.log.bytes, sampling: this.samplerStats };
  }

  /** Microseconds since the run's T0. */
  now(): number {
    return Number((process.hrtime.bigint() - this.t0) / 1000n);
  }

  /** Stop the run (first reason wins); resolves when no process of the run is left and run-end is logged. */
  async stop(reason: Exclude<RunEndReason, 'exit'>): Promise<void> {
    if (!this.stopReason && !this.bossExit) this.stopReason = reason;
    this.clearDeadline();
    await this.killTree();
    await this.finish();
    await this.ended;
  }

  /** Synchronous last resort when the lab's own process exits: end every process of the run, remove its folder, now. */
  killNow(): void {
    if (!this.bossPid || this.isOver) return;
    let pids: number[] = [];
    try {
      pids = this.survivors();
    } catch {
      // The OS table unreadable: the group (Windows: the boss's tree) still reaches most of it.
    }
    this.hold?.killAll();
    this.s.killer.killAtExit(this.bossPid, pids);
    try {
      fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // Best effort: the lab is exiting.
    }
  }

  private async launch(plan: RunPlan): Promise<void> {
    this.dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'obra-run-')); // created 0700
    // Uploaded or edited files: a copy in the run's own folder, checked to parse before anything runs.
    const script = plan.copy ? await makePrivateCopy(path.join(this.dir, 'code'), plan.copy, { nodePath: this.s.nodePath, env: this.s.extraEnv }) : (plan.script as string);
    const cwd = plan.cwd ?? path.dirname(script);
    const channel = (this.channel = await createReportChannel(this.dir, this.id));
    this.channelIntact = watchChannelPath(channel.address);
    channel.onRecord((r) => this.onRecord(r));
    channel.onBadLine((line) => this.refuse(`not JSON: ${JSON.stringify(line.slice(0, 60))}`));
    const node = await nodeVersionOf(this.s.nodePath, this.s.extraEnv);
    const extraEnv = plan.callbacks ? this.s.extraEnv : { ...this.s.extraEnv, OBRA_TASKS: '0' };
    const launch = { nodePath: this.s.nodePath, script, args: plan.args, cwd, extraEnv, probe: this.s.probe, report: channel.address, t0: 0n, runId: this.id };
    const env = bossEnv(launch);
    this.t0 = process.hrtime.bigint();
    env.OBRA_T0 = this.t0.toString();
    this.gate = new RecordGate(() => this.now(), runProcesses(this.s.table, this.id));
    const hold = (this.hold = RunHold.choose(this.s.containment, this.id, this.s.koffi));
    const boss = (this.boss = await hold.startBoss({ keeper: this.s.keepers.take(), node: this.s.nodePath, args: [script, ...plan.args], cwd, env, dir: this.dir }));
    this.bossPid = boss.pid;
    this.gate.know(boss.pid);
    this.header = { obra: LOG_VERSION, runId: this.id, script, ...(plan.demoId ? { demoId: plan.demoId } : {}), argv: plan.args, cwd, node, platform: process.platform, cpus: os.availableParallelism(), startedAt: new Date().toISOString() };
    const { obra: _obra, startedAt: _startedAt, ...fields } = this.header;
    this.add({ type: 'run-start', t: 0, pid: boss.pid, ...fields, sampleIntervalMs: this.s.sampleIntervalMs, containment: hold.containment });
    if (!this.s.probe) this.labError('ERR_OBRA_NO_PROBE', "The probe (electron/probe/index.cjs) is missing: this run shows only the boss's output, its exit and OS samples.");
    this.watchBoss(boss);
    if (this.s.table) {
      this.sampling = new RunSampling(this.s.table, boss.pid, this.id, () => this.now(), hold, this.s.sampleIntervalMs, {
        events: (events, last) => this.onSamples(events, last),
        failed: (message) => this.labError('ERR_OBRA_SAMPLING', message),
      });
      this.samplerStats = this.sampling.stats;
    } else {
      const problem = processTableProblem();
      if (problem) this.labError('ERR_OBRA_SAMPLING', `OS sampling is off: ${problem}. Node processes still report their own CPU and memory; processes that are not Node are not seen.`);
    }
    if (plan.maxDurationMs) this.deadlineTimer = setTimeout(() => void this.stop('timeout'), plan.maxDurationMs).unref();
  }

  private watchBoss(boss: BossProcess): void {
    const pid = this.bossPid;
    let exited = () => {};
    for (const type of ['stdout', 'stderr'] as const) {
      boss[type]?.on('data', (chunk: Buffer) => {
        const t = this.now();
        for (const piece of splitLines(chunk)) this.add({ type, t, pid, childId: BOSS_CHILD_ID, bytes: piece.length, preview: previewOf(piece) });
      });
      boss[type]?.on('error', () => {});
    }
    this.bossExited = new Promise((resolve) => {
      exited = resolve;
      boss.once('exit', (code, signal) => {
        this.bossExit = { code, signal };
        this.holdBack({ type: 'exit', t: this.now(), pid, childId: BOSS_CHILD_ID, code, signal });
        // Released once the records the boss flushed as it exited are in (not after the whole tree is gone).
        void this.channel?.drain(300).then(() => this.releaseHeldBack());
        resolve();
        void this.finish();
      });
    });
    boss.once('keeper-lost', (code, signal) => {
      // The boss lives on, or not: its exit status went with its parent. The tree is stopped now.
      this.hold?.lostKeeper();
      exited();
      this.fail('ERR_OBRA_KEEPER_LOST', keeperLostMessage(boss.keeperPid, code, signal));
    });
    this.bossClosed = new Promise((resolve) =>
      boss.once('close', (code, signal) => {
        if (!this.hold?.keeperGone) this.holdBack({ type: 'close', t: this.now(), pid, childId: BOSS_CHILD_ID, code, signal });
        resolve();
      }),
    );
    boss.on('error', (err: NodeJS.ErrnoException) => this.labError(err.code ?? 'ERR_OBRA_BOSS', err.message));
  }

  private onSamples(events: OsEvent[], last: boolean): void {
    if (this.isOver) return;
    for (const e of events) {
      if (e.type === 'os-process' && e.state === 'seen' && e.pid !== null) this.gate?.know(e.pid);
      this.add(e);
    }
    if (last) return;
    this.checkProcessLimit();
    this.checkChannel();
  }

  private checkProcessLimit(): void {
    const sampled = this.sampling?.sampler.alive() ?? [];
    if (this.processCount.count(sampled) <= this.s.maxProcesses) return;
    this.processCount.forgetExited();
    const n = this.processCount.count(sampled);
    if (n > this.s.maxProcesses) {
      this.fail('ERR_OBRA_PROCESS_LIMIT', `The run had ${n} processes alive at once; the limit is ${this.s.maxProcesses} (maxProcesses). Obra stopped the run.`);
    }
  }

  private onRecord(record: unknown): void {
    const checked = this.gate ? this.gate.admit(record) : { refused: 'a record before the boss started' };
    if ('refused' in checked) return this.refuse(checked.refused);
    const e = checked.event;
    this.add(e);
    this.processCount.note(e);
    if (e.type === 'spawn') this.checkProcessLimit();
  }

  /** A FIFO removed or replaced mid-run: processes that open it from now on report nowhere. Said once. */
  private checkChannel(): void {
    if (this.channelLost || !this.channelIntact || this.channelIntact()) return;
    this.channelLost = true;
    this.labError(
      'ERR_OBRA_CHANNEL_LOST',
      `The report channel (${this.channel?.address}) was removed or replaced during the run: processes that open it from now on, or reopen it, cannot report, so what follows may be missing from this log.`,
    );
  }

  private refuse(why: string): void {
    if (++this.badRecords === 1) {
      this.labError('ERR_OBRA_BAD_RECORD', `Ignored a record from the report channel (${why}); further bad records are counted and reported at the end.`);
    }
  }

  private add(e: LabEvent, essential = false): void {
    this.log.add(e, essential);
    this.onEvent();
  }

  private labError(code: string, message: string): void {
    this.add({ type: 'error', t: this.now(), pid: null, where: 'lab', name: 'ObraError', code, message }, true);
  }

  /** A limit or failure of the lab's own: said once; it stops the run unless the run is already ending. */
  private fail(code: string, message: string): void {
    if (this.failure) return;
    this.failure = { code, message };
    this.labError(code, message);
    if (!this.stopReason && !this.finishing) void this.stop('error');
  }

  private killTree(): Promise<void> {
    return (this.killing ??= (async () => {
      const hold = this.hold;
      const left = await stopTree({ group: this.bossPid, killer: this.s.killer, survivors: () => this.survivors(), killAll: () => hold?.killAll() });
      if (left.length) this.labError('ERR_OBRA_SURVIVORS', `Could not end processes ${namedPids(this.s.table, left)} of the run (not ours to signal?).`);
    })());
  }

  /** Every process of the run still running: what the OS table finds (or the group), and the children the probe reported. */
  private survivors(): number[] {
    const sampler = this.sampling?.sampler;
    const found = sampler ? sampler.survivors() : this.s.killer.groupExists(this.bossPid) ? [this.bossPid] : [];
    const reported = this.s.killer.outsideGroup(this.processCount.reported());
    const members = sampler ? [] : (this.hold?.members() ?? []);
    const all = reported.length || members.length ? [...new Set([...found, ...reported, ...members])] : found;
    const keeper = this.boss?.keeperPid;
    return all.filter((pid) => pid !== keeper);
  }

  private finish(): Promise<void> {
    return (this.finishing ??= this.end().catch((err) => {
      this.failure ??= { code: 'ERR_OBRA_INTERNAL', message: String(err?.stack ?? err) };
      this.stopReason = 'error';
      this.endNow();
    }));
  }

  /** Everything between the boss's exit (or a stop) and run-end. */
  private async end(): Promise<void> {
    await settlesWithin(this.bossExited, 5000);
    this.clearDeadline();
    if (!this.killing) {
      // The boss ended by itself: what it left behind gets a short grace, then is stopped.
      const graceUntil = Date.now() + EXIT_GRACE_MS;
      while (this.survivors().length && Date.now() < graceUntil) await sleep(50);
      if (this.survivors().length) await this.killTree();
    } else {
      await this.killing;
    }
    // A process we could not end may hold the boss's stdout open: then 'close' never comes.
    if (!(await settlesWithin(this.bossClosed, 2000))) {
      this.boss?.stdout?.destroy();
      this.boss?.stderr?.destroy();
    }
    this.checkChannel();
    // From here the lab closes the channel and removes the FIFO itself: a poll still under way must not take that for a loss.
    this.channelIntact = null;
    await this.channel?.drain();
    await this.channel?.close();
    this.releaseHeldBack();
    if (this.hold?.leaky) {
      const suspects = this.sampling?.sampler.suspects() ?? [];
      if (suspects.length) this.labError('ERR_OBRA_SURVIVORS', suspectsMessage(suspects, this.hold));
    }
    await this.sampling?.last();
    this.sampling = null;
    await this.hold?.release();
    if (this.badRecords > 1) this.labError('ERR_OBRA_BAD_RECORD', `${this.badRecords} records from the report channel were ignored in all.`);
    this.endNow();
  }

  /**
   * The boss's exit (and a close that comes quickly) wait until the report
   * channel has gone quiet: the records the boss flushed as it exited (t
   * earlier) then share their batch, which is sorted by t, so the log does not
   * show them after the exit.
   */
  private holdBack(e: LabEvent): void {
    if (this.heldBack) this.heldBack.push(e);
    else this.add(e, true);
  }

  private releaseHeldBack(): void {
    for (const e of this.heldBack ?? []) this.add(e, true);
    this.heldBack = null;
  }

  private endNow(): void {
    this.releaseHeldBack();
    this.sampling?.stop();
    this.clearDeadline();
    const reason: RunEndReason = this.stopReason ?? 'exit';
    const end: RunEndEvent = { type: 'run-end', t: this.now(), pid: this.bossPid || null, reason, code: this.bossExit?.code ?? null, signal: this.bossExit?.signal ?? null };
    if (reason === 'error' && this.failure) Object.assign(end, { errorCode: this.failure.code, message: this.failure.message });
    if (this.log.dropped) end.message = `${end.message ? end.message + ' ' : ''}${this.log.dropped} events past the log's limit were not kept.`;
    this.add(end, true);
    this.isOver = true;
    this.onEnd(end); // the final batch, run-end in it, goes out now
    fs.rm(this.dir, { recursive: true, force: true }, () => this.settleEnded(end));
  }

  private clearDeadline(): void {
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = null;
  }
}
