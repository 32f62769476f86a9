/**
 * Samples one run's process tree: walks from the boss through each process's
 * children, follows processes that left the tree (found by the run id in
 * their environment), and reports what it saw as `os-process` and `sample`
 * events. Costs are measured per poll (see `stats`).
 */
import type { OsProcess, OsEvent, ProcessTable } from './os-sampler';
import { boundArgv, isGone } from './os-sampler';

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

export class TreeSampler {
  private readonly known = new Map<number, Known>();
  /** Processes of the run found outside the tree, by pid → start time. */
  private readonly escaped = new Map<number, number>();
  /** Pids whose environment was read and is not the run's (an environment never changes). */
  private readonly notOurs = new Set<number>();
  private readonly runEntry: Buffer;
  /** The boss's start time, once read: its pid is never followed into a later process. */
  private rootStart: number | undefined;
  readonly stats: SamplerStats = { polls: 0, pollMs: 0, maxPollMs: 0, scans: 0, scanMs: 0, maxScanMs: 0 };

  constructor(
    private readonly table: ProcessTable,
    private readonly root: number,
    runId: string,
    private readonly clockUs: () => number,
  ) {
    this.runEntry = Buffer.from(`OBRA_RUN=${runId}`);
  }

  /** Pids alive at the last poll. */
  alive(): ReadonlySet<number> {
    return new Set(this.known.keys());
  }

  /** Pids found outside the tree so far (still alive at the last scan). */
  escapedPids(): number[] {
    return [...this.escaped.keys()];
  }

  /** One look at the tree: `os-process` seen/gone and `sample` events. */
  poll(): OsEvent[] {
    const began = process.hrtime.bigint();
    const found = this.walk(this.stats.polls % ALL_THREADS_EVERY === 0);
    const t = this.clockUs();
    const events: OsEvent[] = [];
    for (const [pid, k] of this.known) {
      const p = found.get(pid);
      if (!p || p.startTicks !== k.startTicks) {
        events.push({ type: 'os-process', t, pid, ppid: k.ppid, command: k.command, argv: k.argv, state: 'gone' });
        this.known.delete(pid);
      }
    }
    for (const p of found.values()) this.observe(p, began, t, events);
    this.account('poll', began);
    return events;
  }

  /**
   * Look for processes of the run that left the tree (detached, setsid,
   * reparented): their environment still holds OBRA_RUN=<run id>. Only
   * environments this user may read; each pid is read once.
   */
  scanEnvirons(): number[] {
    const began = process.hrtime.bigint();
    const pids = this.table.allPids();
    const current = new Set(pids);
    for (const pid of this.notOurs) if (!current.has(pid)) this.notOurs.delete(pid);
    for (const pid of this.escaped.keys()) if (!current.has(pid)) this.escaped.delete(pid);
    const fresh: number[] = [];
    for (const pid of pids) {
      if (pid === process.pid || this.notOurs.has(pid) || this.escaped.has(pid) || this.known.has(pid)) continue;
      if (this.table.environHas(pid, this.runEntry) !== true) {
        this.notOurs.add(pid);
        continue;
      }
      const p = this.table.read(pid);
      if (isGone(p)) continue;
      this.escaped.set(pid, p.startTicks);
      fresh.push(pid);
    }
    this.account('scan', began);
    return fresh;
  }

  /**
   * Every process of the run still alive (boss included): an environment
   * scan, a walk, and the boss's process group (zombies do not count: they
   * have ended, only their parent has not read their status).
   */
  survivors(): number[] {
    this.scanEnvirons();
    const alive = new Set(this.walk(true).keys());
    for (const pid of this.table.allPids()) {
      if (alive.has(pid)) continue;
      const p = this.table.read(pid);
      if (!isGone(p) && p.pgrp === this.root) alive.add(pid);
    }
    return [...alive];
  }

  private observe(p: OsProcess, nowNs: bigint, t: number, events: OsEvent[]): void {
    let k = this.known.get(p.pid);
    if (!k) {
      k = { startTicks: p.startTicks, ppid: p.ppid, command: p.command, argv: this.argvOf(p.pid), sightings: 0, cpuTicks: p.cpuTicks, atNs: nowNs };
      this.known.set(p.pid, k);
      events.push({ type: 'os-process', t, pid: p.pid, ppid: k.ppid, command: k.command, argv: k.argv, state: 'seen' });
    } else if (k.command !== p.command || k.sightings < 3) {
      // A process seen between fork and exec still shows its parent's program: look again.
      const argv = this.argvOf(p.pid);
      if (k.command !== p.command || argv.join('\0') !== k.argv.join('\0')) {
        [k.command, k.argv] = [p.command, argv];
        events.push({ type: 'os-process', t, pid: p.pid, ppid: k.ppid, command: k.command, argv: k.argv, state: 'seen' });
      }
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
  private walk(allThreads: boolean): Map<number, OsProcess> {
    const found = new Map<number, OsProcess>();
    const visit = (anchor: number, startTicks: number | undefined) => {
      const first = this.table.read(anchor);
      if (isGone(first) || found.has(anchor) || (startTicks !== undefined && first.startTicks !== startTicks)) return;
      const stack: OsProcess[] = [first];
      while (stack.length) {
        const p = stack.pop() as OsProcess;
        if (found.has(p.pid)) continue;
        found.set(p.pid, p);
        for (const c of this.table.childrenOf(p.pid, allThreads)) {
          const child = this.table.read(c);
          if (!isGone(child)) stack.push(child);
        }
      }
    };
    if (this.rootStart === undefined) {
      const boss = this.table.read(this.root);
      if (!isGone(boss)) this.rootStart = boss.startTicks;
    }
    if (this.rootStart !== undefined) visit(this.root, this.rootStart);
    for (const [pid, start] of this.escaped) visit(pid, start);
    for (const [pid, k] of this.known) if (!found.has(pid)) visit(pid, k.startTicks);
    return found;
  }

  private argvOf(pid: number): string[] {
    return boundArgv(this.table.argv(pid));
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
