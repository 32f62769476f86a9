/**
 * Samples one run's process tree: walks from the boss through each process's
 * children, follows processes that left the tree (found by the run id in
 * their environment, or by ancestry where environments are not readable),
 * and reports what it saw as `os-process` and `sample` events. Costs are
 * measured per poll (see `stats`).
 */
import type { OsProcess, OsEvent, ProcessSnapshot, ProcessTable } from './os-sampler';
import { boundArgv, isGone } from './os-sampler';
import { Lineage } from './os-sampler-lineage';

interface Known {
  startTicks: number;
  ppid: number;
  command: string;
  argv: string[];
  sightings: number;
  cpuTicks: number;
  atNs: bigint;
  emitted?: { cpu?: number; rss: number; atUs: number };
}

/** A sample is re-sent at least this often even when nothing changed. */
const SAMPLE_REFRESH_US = 1_000_000;
/** Children started by a thread other than the main one are looked for on every Nth poll. */
const ALL_THREADS_EVERY = 10;

export interface SamplerStats {
  polls: number;
  pollMs: number;
  maxPollMs: number;
  scans: number;
  scanMs: number;
  maxScanMs: number;
}

/** What holds the run besides its tree (see run-hold.ts): both looked up on every poll. */
export interface RunHoldView {
  /** The run's site keeper while it is a child subreaper: its children are processes of the run. */
  adopter(): number | null;
  /** The members of the run's cgroup. */
  members(): number[];
}

const NO_HOLD: RunHoldView = { adopter: () => null, members: () => [] };

export class TreeSampler {
  private readonly known = new Map<number, Known>();
  /** Processes of the run found outside the tree, by pid → start time. */
  private readonly escaped = new Map<number, number>();
  /** Pids whose environment was read and is not the run's (an environment never changes). */
  private readonly notOurs = new Set<number>();
  private readonly lineage: Lineage;
  private readonly runEntry: Buffer;
  private readonly runEntryText: string;
  /** The boss's start time, once read: its pid is never followed into a later process. */
  private rootStart: number | undefined;
  /** The poll under way: polls never overlap (a table read by `ps` takes milliseconds). */
  private polling: Promise<OsEvent[]> | null = null;
  readonly stats: SamplerStats = { polls: 0, pollMs: 0, maxPollMs: 0, scans: 0, scanMs: 0, maxScanMs: 0 };

  constructor(
    private readonly table: ProcessTable,
    private readonly root: number,
    runId: string,
    private readonly clockUs: () => number,
    private readonly hold: RunHoldView = NO_HOLD,
  ) {
    this.runEntryText = `OBRA_RUN=${runId}`;
    this.runEntry = Buffer.from(this.runEntryText);
    this.lineage = new Lineage(root);
  }

  /** Pids alive at the last poll. */
  alive(): ReadonlySet<number> {
    return new Set(this.known.keys());
  }

  /** Whether a poll is under way (a timer skips its turn then). */
  busy(): boolean {
    return this.polling !== null;
  }

  /** Pids found outside the tree so far (still alive at the last look). */
  escapedPids(): number[] {
    return [...this.escaped.keys()];
  }

  /**
   * One look at the tree: `os-process` seen/gone and `sample` events. With
   * `scan`, also looks for processes that left the tree (every poll where
   * that is found by ancestry, which costs nothing more).
   */
  poll(scan = false): Promise<OsEvent[]> {
    const after = this.polling ?? Promise.resolve([]);
    const next = after.then(() => this.pollOnce(scan));
    const settled = next.finally(() => {
      if (this.polling === settled) this.polling = null;
    });
    this.polling = settled;
    return settled;
  }

  /**
   * Every process of the run still alive (boss included), looked up now,
   * blocking: a scan for escaped processes, a walk, and the boss's process
   * group (zombies do not count: they have ended, only their parent has not
   * read their status).
   */
  survivors(): number[] {
    const snapshot = this.table.snapshotSync();
    this.findEscaped(snapshot);
    this.findMembers(snapshot);
    const alive = new Set(this.walk(snapshot, true).keys());
    for (const pid of snapshot.allPids()) {
      if (alive.has(pid)) continue;
      const p = snapshot.read(pid);
      if (!isGone(p) && p.pgrp === this.root) alive.add(pid);
    }
    return [...alive];
  }

  private async pollOnce(scan: boolean): Promise<OsEvent[]> {
    const began = process.hrtime.bigint();
    const snapshot = await this.table.snapshot();
    const seenAt = process.hrtime.bigint();
    const t = this.clockUs();
    if (scan || !this.table.environHas) this.findEscaped(snapshot);
    this.findMembers(snapshot);
    if (scan && this.table.environsHave) await this.scanEnvirons(snapshot);
    const found = this.walk(snapshot, this.stats.polls % ALL_THREADS_EVERY === 0);
    const events: OsEvent[] = [];
    for (const [pid, k] of this.known) {
      const p = found.get(pid);
      if (!p || p.startTicks !== k.startTicks) {
        events.push({ type: 'os-process', t, pid, ppid: k.ppid, command: k.command, argv: k.argv, state: 'gone' });
        this.known.delete(pid);
      }
    }
    const argvs = await this.argvsOf([...found.values()].filter((p) => this.wantsArgv(p)));
    for (const p of found.values()) this.observe(p, argvs.get(p.pid), seenAt, t, events);
    this.account('poll', began);
    return events;
  }

  /**
   * Processes of the run that left the tree (detached, setsid, reparented):
   * by OBRA_RUN=<run id> in their environment where /proc has it (each pid
   * read once), else by ancestry (os-sampler-lineage.ts) — and, where `ps`
   * shows environments, by scanEnvirons() too.
   */
  private findEscaped(snapshot: ProcessSnapshot): void {
    const began = process.hrtime.bigint();
    const pids = snapshot.allPids();
    const current = new Set(pids);
    for (const pid of this.notOurs) if (!current.has(pid)) this.notOurs.delete(pid);
    for (const pid of this.escaped.keys()) if (!current.has(pid)) this.escaped.delete(pid);
    for (const pid of pids) {
      // An environment without the run id rules a process out only where environments are all there is.
      if (pid === process.pid || this.escaped.has(pid) || this.known.has(pid) || (this.table.environHas && this.notOurs.has(pid))) continue;
      if (this.table.environHas && this.table.environHas(pid, this.runEntry) !== true) {
        this.notOurs.add(pid);
        continue;
      }
      const p = snapshot.read(pid);
      if (isGone(p) || (!this.table.environHas && !this.lineage.owns(p, snapshot))) continue;
      this.escaped.set(pid, p.startTicks);
    }
    this.account('scan', began);
  }

  /** Members of the run's cgroup that the walk does not reach: escaped, whatever they did. */
  private findMembers(snapshot: ProcessSnapshot): void {
    for (const pid of this.hold.members()) {
      if (this.known.has(pid) || this.escaped.has(pid)) continue;
      const p = snapshot.read(pid);
      if (!isGone(p)) this.escaped.set(pid, p.startTicks);
    }
  }

  /**
   * Processes that may have escaped the run unseen, where nothing holds it (no
   * cgroup; a subreaper that was killed): alive, started since the boss, not
   * known to be the run's, each leading a group of its own (setsid), and
   * adopted by init or a subreaper above the lab — where an orphan of the
   * run goes. Other programs' processes can fit too: they are named, never
   * ended.
   */
  suspects(): OsProcess[] {
    if (this.rootStart === undefined) return [];
    const snapshot = this.table.snapshotSync();
    const adopters = new Set<number>([1]);
    for (let p = snapshot.read(process.pid); p && p.ppid > 0 && !adopters.has(p.ppid); p = snapshot.read(p.ppid)) adopters.add(p.ppid);
    const out: OsProcess[] = [];
    for (const pid of snapshot.allPids()) {
      if (pid === process.pid || this.known.has(pid) || this.escaped.has(pid)) continue;
      const p = snapshot.read(pid);
      if (!isGone(p) && p.startTicks >= this.rootStart && p.pgrp === pid && adopters.has(p.ppid)) out.push(p);
    }
    return out;
  }

  /**
   * Environments read in one OS call for the pids not looked at yet (`ps`):
   * what the lineage cannot see, such as a process that a throw-away
   * subshell started in a new session.
   */
  private async scanEnvirons(snapshot: ProcessSnapshot): Promise<void> {
    const began = process.hrtime.bigint();
    const fresh = snapshot.allPids().filter((pid) => pid !== process.pid && !this.notOurs.has(pid) && !this.escaped.has(pid) && !this.known.has(pid) && !isGone(snapshot.read(pid)));
    const has = await (this.table.environsHave as NonNullable<ProcessTable['environsHave']>)(fresh, this.runEntryText);
    for (const pid of fresh) {
      const p = snapshot.read(pid) as OsProcess;
      if (has.get(pid) === true) this.escaped.set(pid, p.startTicks);
      else if (has.has(pid)) this.notOurs.add(pid);
    }
    this.account('scan', began);
  }

  /** A new process, or one seen between fork and exec that may still show its parent's program. */
  private wantsArgv(p: OsProcess): boolean {
    const k = this.known.get(p.pid);
    return !k || k.command !== p.command || k.sightings < 3;
  }

  private async argvsOf(ps: OsProcess[]): Promise<Map<number, string[]>> {
    if (!ps.length) return new Map();
    const argvs = await this.table.argvs(ps.map((p) => p.pid));
    for (const [pid, argv] of argvs) argvs.set(pid, boundArgv(argv));
    return argvs;
  }

  private observe(p: OsProcess, argv: string[] | undefined, nowNs: bigint, t: number, events: OsEvent[]): void {
    this.lineage.note(p);
    let k = this.known.get(p.pid);
    if (!k) {
      k = { startTicks: p.startTicks, ppid: p.ppid, command: p.command, argv: argv ?? [], sightings: 0, cpuTicks: p.cpuTicks, atNs: nowNs };
      this.known.set(p.pid, k);
      events.push({ type: 'os-process', t, pid: p.pid, ppid: k.ppid, command: k.command, argv: k.argv, state: 'seen' });
    } else if (argv && (k.command !== p.command || argv.join('\0') !== k.argv.join('\0'))) {
      [k.command, k.argv] = [p.command, argv];
      events.push({ type: 'os-process', t, pid: p.pid, ppid: k.ppid, command: k.command, argv: k.argv, state: 'seen' });
    }
    k.sightings++;
    let cpu: number | undefined;
    if (k.sightings > 1) {
      const seconds = Number(nowNs - k.atNs) / 1e9;
      cpu = seconds > 0 ? Math.round(((p.cpuTicks - k.cpuTicks) / this.table.ticksPerSecond / seconds) * 1000) / 10 : 0;
    }
    [k.cpuTicks, k.atNs] = [p.cpuTicks, nowNs];
    const last = k.emitted;
    if (!last || last.cpu !== cpu || last.rss !== p.rssBytes || t - last.atUs >= SAMPLE_REFRESH_US) {
      k.emitted = { cpu, rss: p.rssBytes, atUs: t };
      events.push(cpu === undefined ? { type: 'sample', t, pid: p.pid, rss: p.rssBytes } : { type: 'sample', t, pid: p.pid, cpu, rss: p.rssBytes });
    }
  }

  /** The run's live processes: the tree under the boss, under escaped ones, and under known ones that were reparented. */
  private walk(snapshot: ProcessSnapshot, allThreads: boolean): Map<number, OsProcess> {
    const found = new Map<number, OsProcess>();
    const visit = (anchor: number, startTicks: number | undefined) => {
      const first = snapshot.read(anchor);
      if (isGone(first) || found.has(anchor) || (startTicks !== undefined && first.startTicks !== startTicks)) return;
      const stack: OsProcess[] = [first];
      while (stack.length) {
        const p = stack.pop() as OsProcess;
        if (found.has(p.pid)) continue;
        found.set(p.pid, p);
        for (const c of snapshot.childrenOf(p.pid, allThreads)) {
          const child = snapshot.read(c);
          if (!isGone(child)) stack.push(child);
        }
      }
    };
    if (this.rootStart === undefined) {
      const boss = snapshot.read(this.root);
      if (!isGone(boss)) this.rootStart = boss.startTicks;
    }
    if (this.rootStart !== undefined) visit(this.root, this.rootStart);
    const adopter = this.hold.adopter();
    if (adopter !== null) for (const c of snapshot.childrenOf(adopter, true)) visit(c, undefined);
    for (const [pid, start] of this.escaped) visit(pid, start);
    for (const [pid, k] of this.known) if (!found.has(pid)) visit(pid, k.startTicks);
    return found;
  }

  private account(kind: 'poll' | 'scan', began: bigint): void {
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    if (kind === 'poll') {
      this.stats.polls++;
      this.stats.pollMs += ms;
      this.stats.maxPollMs = Math.max(this.stats.maxPollMs, ms);
    } else {
      this.stats.scans++;
      this.stats.scanMs += ms;
      this.stats.maxScanMs = Math.max(this.stats.maxScanMs, ms);
    }
  }
}
