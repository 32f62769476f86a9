/**
 * From the stage's state at the cursor to what each figure shows: working or
 * idle, arriving or leaving, its flag and its stop sign, the boss frozen or
 * not. Pure; all times in µs of run time, so replay looks like live.
 */
import { BOSS_KEY, type StageProcess, type StageState, type WorkerKind } from './model-types';
import { keyOfPid } from './model-os';
import { shortCode } from './labels';

/** A worker walks in over this much run time after it was called. */
export const ARRIVE_US = 300_000;
/** …and fades out over this much after it exits. */
export const LEAVE_US = 600_000;
/** A sample older than this says nothing about now. */
export const SAMPLE_FRESH_US = 400_000;
/** No event-loop sample for this long from a live Node process: its loop is blocked. */
export const SILENCE_US = 200_000;
export const BLOCKED_ELU = 0.9;
/** Load (0–1) from which a figure is drawn working. */
export const BUSY_LOAD = 0.15;
/** A process still seen this long after its parent ended is an orphan (OS sampling notices a death up to a sample late). */
export const ORPHAN_AFTER_US = 100_000;

export type WorkerStatus = 'starting' | 'running' | 'exited' | 'failed' | 'gone';

export interface Flag {
  code: number | null;
  signal: string | null;
  ok: boolean;
}

export interface Sign {
  code: string;
  short: string;
  message: string;
}

export interface WorkerView {
  key: string;
  pid: number | null;
  kind: WorkerKind;
  /** A Worker thread wears the colour of the process it runs in: that process's kind ('boss' for the boss's). */
  ownerKind: WorkerKind | 'boss' | null;
  badge: string;
  /** Short command line for the label. */
  command: string;
  /** The whole command line (tooltip, inspector, aria). */
  fullCommand: string;
  parentKey: string;
  depth: number;
  status: WorkerStatus;
  viaShell: boolean;
  /** 0–1: how hard it works now (CPU of one core or ELU). */
  load: number;
  cpu: number | null;
  /** 0→1 while walking in. */
  arrival: number;
  /** 0→1 while leaving (after exit / failure / gone). */
  leaving: number;
  /**
   * Its parent (not the boss) has ended while it lives on: the OS gave it to
   * another parent (Linux: pid 1 or a subreaper). The pid of the parent it lost.
   */
  orphanOf: number | null;
  /** Exited but its pipes are still open (the exit → close gap). */
  pipesOpen: boolean;
  flag: Flag | null;
  sign: Sign | null;
  /** exec/execFile: how full its output buffer is (0–1 of maxBuffer), null otherwise. */
  buffer: { fill: number; bytes: number; delivered: boolean } | null;
  process: StageProcess;
}

export interface BossView {
  pid: number | null;
  script: string;
  started: boolean;
  alive: boolean;
  frozen: 'elu' | 'silent' | null;
  load: number;
  flag: Flag | null;
  sign: Sign | null;
  stopped: boolean;
}

function progress(cursor: number, since: number | null, span: number): number {
  if (since === null) return 0;
  return Math.min(1, Math.max(0, (cursor - since) / span));
}

function fresh(at: number | null, cursor: number): boolean {
  return at !== null && cursor - at <= SAMPLE_FRESH_US;
}

function loadOf(p: Pick<StageProcess, 'cpu' | 'cpuAt' | 'elu' | 'eluAt'>, cursor: number): number {
  let load = 0;
  if (p.cpu !== null && fresh(p.cpuAt, cursor)) load = Math.max(load, p.cpu / 100);
  if (p.elu !== null && fresh(p.eluAt, cursor)) load = Math.max(load, p.elu);
  // A Node process whose loop stopped reporting is busy on its one thread.
  if (p.eluAt !== null && cursor - p.eluAt > SILENCE_US) load = 1;
  return Math.min(1, load);
}

function signOf(code: string, message: string): Sign {
  return { code, short: shortCode(code), message };
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

function shortPath(a: string): string {
  const base = baseName(a);
  return a.length > 16 && base && base !== a ? `…/${base}` : a;
}

/** A shell pipeline by its programs' own names (`ls -1 /usr/bin | sort | tr a-z A-Z` → `ls | sort | tr`), else null. */
export function pipelineNames(line: string): string | null {
  const parts = line.split(/(?<!\|)\|(?!\|)/);
  if (parts.length < 2) return null;
  const names = parts.map((part) => baseName(part.trim().split(/\s+/)[0] ?? ''));
  return names.every(Boolean) ? names.join(' | ') : null;
}

export function commandOf(p: StageProcess): { short: string; full: string } {
  if (p.kind === 'thread') return { short: baseName(p.command), full: p.command };
  if (p.kind === 'os') {
    const line = p.osCommand ?? p.command;
    return { short: line, full: line };
  }
  if (p.kind === 'exec' && p.args.length === 0) return { short: pipelineNames(p.command) ?? p.command, full: p.command };
  const full = [p.command, ...p.args].join(' ');
  // Long paths shortened to their last part: "node …/generator.js 3145728", not the whole checkout.
  const short = [baseName(p.command) || p.command, ...p.args.map(shortPath)].join(' ');
  return { short, full };
}

function statusOf(p: StageProcess): WorkerStatus {
  if (p.error && p.spawnedAt === null) return 'failed';
  if (p.exitedAt !== null) return 'exited';
  if (p.goneAt !== null) return 'gone';
  if (p.spawnedAt === null) return 'starting';
  return 'running';
}

function depthOf(state: StageState, p: StageProcess): { parentKey: string; depth: number } {
  const parentKey = p.ownerKey ?? ((p.parentPid !== null && keyOfPid(state, p.parentPid)) || BOSS_KEY);
  let depth = 1;
  let key = parentKey;
  while (key !== BOSS_KEY && depth < 8) {
    const up = state.processes.get(key);
    if (!up || up.parentPid === null) break;
    key = keyOfPid(state, up.parentPid) ?? BOSS_KEY;
    depth++;
  }
  return { parentKey, depth };
}

export function workerView(state: StageState, p: StageProcess, cursor: number): WorkerView {
  // A thread whose process ended without telling of the thread's exit ended with it.
  const processEnd = p.kind === 'thread' && p.exitedAt === null ? processEndOf(state, p) : null;
  const status = processEnd !== null ? 'gone' : statusOf(p);
  const { short, full } = commandOf(p);
  const endedAt = status === 'failed' ? (p.error?.t ?? null) : status === 'gone' ? (processEnd ?? p.goneAt) : p.exitedAt;
  const alive = status === 'running';
  const started = p.spawnedAt !== null;
  const fill = Math.max(p.stdout.bytes, p.stderr.bytes) / Math.max(1, p.maxBuffer);
  return {
    key: p.key,
    pid: p.pid,
    kind: p.kind,
    ownerKind: p.kind === 'thread' ? ownerKindOf(state, p) : null,
    badge: p.kind === 'os' ? '' : p.kind === 'thread' ? 'Worker' : (p.api ?? p.kind),
    command: short,
    fullCommand: full,
    ...depthOf(state, p),
    status,
    viaShell: p.viaShell,
    load: alive ? loadOf(p, cursor) : 0,
    cpu: alive && fresh(p.cpuAt, cursor) ? p.cpu : null,
    arrival: progress(cursor, p.bornAt, ARRIVE_US),
    leaving: progress(cursor, endedAt, LEAVE_US),
    orphanOf: alive && p.kind !== 'thread' ? lostParent(state, p, cursor) : null,
    pipesOpen: started && p.exitedAt !== null && p.closedAt === null && p.kind !== 'os' && p.kind !== 'thread',
    flag: started && p.exitedAt !== null ? { code: p.exitCode, signal: p.exitSignal, ok: p.exitCode === 0 } : null,
    // The sign is the error the program got, or the signal it sent this process; the flag is how the process ended. A timeout shows both.
    sign: p.error ? signOf(p.error.code, p.error.message) : p.signalled ? signOf(p.signalled.signal, `process.kill → ${p.pid}`) : null,
    buffer: p.buffered ? { fill: Math.min(1, fill), bytes: p.stdout.bytes + p.stderr.bytes, delivered: p.callbackAt !== null } : null,
    process: p,
  };
}

/** When a thread's process ended (its exit, or OS sampling no longer seeing it), if it has. */
function processEndOf(state: StageState, p: StageProcess): number | null {
  const key = p.pid === null ? null : keyOfPid(state, p.pid);
  if (key === BOSS_KEY) return state.boss.exitedAt;
  const owner = key === null ? undefined : state.processes.get(key);
  return owner ? (owner.exitedAt ?? owner.goneAt) : null;
}

/** The kind of the process a Worker thread runs in: its threads all wear its colour. */
function ownerKindOf(state: StageState, p: StageProcess): WorkerKind | 'boss' {
  const key = p.pid === null ? null : keyOfPid(state, p.pid);
  const owner = key === null || key === BOSS_KEY ? null : state.processes.get(key);
  return owner ? owner.kind : 'boss';
}

/** The parent pid of a process whose (non-boss) parent ended, by the cursor, longer than ORPHAN_AFTER_US ago. */
function lostParent(state: StageState, p: StageProcess, cursor: number): number | null {
  if (p.parentPid === null || p.parentPid === state.boss.pid) return null;
  const key = keyOfPid(state, p.parentPid);
  const parent = key === null ? undefined : state.processes.get(key);
  const ended = parent ? (parent.exitedAt ?? parent.goneAt) : null;
  return ended !== null && cursor - ended > ORPHAN_AFTER_US ? p.parentPid : null;
}

export function bossView(state: StageState, cursor: number): BossView {
  const b = state.boss;
  const started = b.startedAt !== null;
  const alive = started && b.exitedAt === null && b.ended === null;
  let frozen: BossView['frozen'] = null;
  if (alive && b.eluAt !== null) {
    if (cursor - b.eluAt > SILENCE_US) frozen = 'silent';
    else if (b.elu !== null && b.elu >= BLOCKED_ELU) frozen = 'elu';
  }
  const ended = b.exitedAt !== null;
  const errorCode = b.error?.code ?? null;
  return {
    pid: b.pid,
    script: baseName(b.script),
    started,
    alive,
    frozen,
    load: alive ? loadOf(b, cursor) : 0,
    flag: ended ? { code: b.exitCode, signal: b.exitSignal, ok: b.exitCode === 0 } : null,
    sign: errorCode ? signOf(errorCode, b.error?.message ?? errorCode) : null,
    stopped: b.ended?.reason === 'stopped' || b.ended?.reason === 'timeout',
  };
}

/** When the stage first knew each process, ties broken by key: independent of the log's arrival order. */
export function byAppearance(a: StageProcess, b: StageProcess): number {
  return a.bornAt - b.bornAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Workers in slot order: each followed by its descendants, siblings by appearance. */
export function workersInOrder(state: StageState, cursor: number): WorkerView[] {
  const views = [...state.processes.values()].sort(byAppearance).map((p) => workerView(state, p, cursor));
  const children = new Map<string, WorkerView[]>();
  for (const v of views) {
    const list = children.get(v.parentKey) ?? [];
    list.push(v);
    children.set(v.parentKey, list);
  }
  const out: WorkerView[] = [];
  const seen = new Set<string>();
  const visit = (key: string): void => {
    for (const v of children.get(key) ?? []) {
      if (seen.has(v.key)) continue;
      seen.add(v.key);
      out.push(v);
      visit(v.key);
    }
  };
  visit(BOSS_KEY);
  // Whatever hangs from a parent the stage never saw still gets a place.
  for (const v of views) if (!seen.has(v.key)) out.push(v);
  return out;
}
