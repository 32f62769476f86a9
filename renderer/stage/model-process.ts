/** Creating the stage's state and its processes. */
import { RECENT_GESTURES, type BossState, type StageProcess, type StageState, type WorkerKind } from './model-types';

export const DEFAULT_MAX_BUFFER = 1024 * 1024;

/** Keeps the RECENT_GESTURES latest gestures by time, whatever order they are applied in. */
export function remember<T extends { t: number }>(ring: T[], item: T): void {
  let i = ring.length;
  while (i > 0 && ring[i - 1].t > item.t) i--;
  // Older than every gesture of a full ring: it would be the one let go.
  if (i === 0 && ring.length >= RECENT_GESTURES) return;
  if (i === ring.length) ring.push(item);
  else ring.splice(i, 0, item);
  if (ring.length > RECENT_GESTURES) ring.shift();
}

export function emptyStageState(): StageState {
  const boss: BossState = {
    pid: null,
    script: '',
    startedAt: null,
    exitedAt: null,
    exitCode: null,
    exitSignal: null,
    ended: null,
    error: null,
    cpu: null,
    cpuAt: null,
    elu: null,
    eluAt: null,
    rss: null,
    stdoutBytes: 0,
    stderrBytes: 0,
    receivedStdout: 0,
    receivedStderr: 0,
  };
  return { boss, processes: new Map(), byPid: new Map(), unplaced: new Map(), osSampled: new Set(), lastT: 0 };
}

export function newProcess(state: StageState, key: string, t: number, kind: WorkerKind, placed = true): StageProcess {
  const p: StageProcess = {
    key,
    thread: null,
    ownerKey: null,
    pid: null,
    parentPid: null,
    kind,
    api: null,
    command: '',
    args: [],
    viaShell: false,
    shell: null,
    buffered: false,
    maxBuffer: DEFAULT_MAX_BUFFER,
    bornAt: t,
    spawnedAt: null,
    exitedAt: null,
    closedAt: null,
    goneAt: null,
    exitCode: null,
    exitSignal: null,
    error: null,
    signalled: null,
    detached: false,
    callbackAt: null,
    osCommand: null,
    stdout: { bytes: 0, chunks: 0 },
    stderr: { bytes: 0, chunks: 0 },
    toParent: { sent: 0, received: 0 },
    fromParent: { sent: 0, received: 0 },
    cpu: null,
    cpuAt: null,
    elu: null,
    eluAt: null,
    rss: null,
    output: [],
    messages: [],
    delivery: null,
  };
  if (placed) state.processes.set(key, p);
  return p;
}


/**
 * Moves what `from` learnt (samples, messages) into `into`, the process that
 * turned out to have its pid; gestures naming `from` now name `into`.
 */
export function absorb(into: StageProcess, from: StageProcess): void {
  into.osCommand ??= from.osCommand;
  // Sampling met the shell before its spawn was reported: its program is the shell's name.
  if (into.viaShell && from.kind === 'os') into.shell = from.command;
  into.shell ??= from.shell;
  if (from.cpuAt !== null && (into.cpuAt === null || from.cpuAt > into.cpuAt)) {
    into.cpu = from.cpu;
    into.cpuAt = from.cpuAt;
  }
  if (from.eluAt !== null && (into.eluAt === null || from.eluAt > into.eluAt)) {
    into.elu = from.elu;
    into.eluAt = from.eluAt;
  }
  into.rss ??= from.rss;
  if (from.signalled && (!into.signalled || from.signalled.t > into.signalled.t)) into.signalled = from.signalled;
  for (const k of ['toParent', 'fromParent'] as const) {
    into[k].sent += from[k].sent;
    into[k].received += from[k].received;
  }
  const rename = (key: string): string => (key === from.key ? into.key : key);
  into.messages = [...from.messages.map((m) => ({ ...m, from: rename(m.from), to: rename(m.to) })), ...into.messages]
    .sort((a, b) => a.t - b.t)
    .slice(-RECENT_GESTURES);
}

/** A process now known by `pid` takes over what its stand-in learnt. */
export function adoptUnplaced(state: StageState, p: StageProcess, pid: number): void {
  const stand = state.unplaced.get(pid);
  if (!stand) return;
  absorb(p, stand);
  state.unplaced.delete(pid);
}
