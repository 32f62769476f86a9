/**
 * The stage as a pure function of the log: `stageStateAt(log, cursor)` folds
 * the events with t ≤ cursor in time order. The log is in arrival order, and
 * a busy process's reports can arrive hundreds of ms after the lab's own OS
 * samples; time order, not arrival order, is what the stage shows. Every
 * handler below gives the same state whatever order its events are applied
 * in (sums, newest sample wins, gestures kept sorted by time, slots ordered
 * by time of appearance), so the incremental tracker can apply a late event
 * when it arrives and still agree with this fold.
 */
import type { CallEvent, KillEvent, LabEvent, IpcMessageEvent, OutputEvent } from '../../shared/events';
import { BOSS_CHILD_ID } from '../../shared/events';
import { asyncTwin, timeOrder } from '../../shared/process-model';
import { signalReach, type ProcessTree } from '../../shared/signal-reach';
import { BOSS_KEY, type StageProcess, type StageState } from './model-types';
import { applyOsProcess, applySample, keyOfPid, processOf } from './model-os';
import { DEFAULT_MAX_BUFFER, absorb, adoptUnplaced, emptyStageState, newProcess, remember } from './model-process';
import { applyThread, applyThreadError, applyThreadMessage, applyThreadSample, threadOfEvent } from './model-thread';

/** The stage at `cursor` (µs since run start), folded from scratch. */
export function stageStateAt(log: readonly LabEvent[], cursor: number): StageState {
  const state = emptyStageState();
  for (const i of timeOrder(log)) {
    if (log[i].t > cursor) break;
    applyEvent(state, log[i]);
  }
  return state;
}

/** The process a child event is about: by childId, else by pid; created if unseen. */
function childOf(state: StageState, childId: string | undefined, pid: number | null, t: number): StageProcess | null {
  if (childId !== undefined) {
    const known = state.processes.get(childId);
    if (known) return known;
  }
  if (pid !== null) {
    const byPid = processOf(state, pid);
    if (byPid) return byPid;
  }
  if (childId === undefined || childId === BOSS_CHILD_ID) return null;
  return newProcess(state, childId, t, 'spawn');
}

function applyCall(state: StageState, e: CallEvent): void {
  const p = state.processes.get(e.childId) ?? newProcess(state, e.childId, e.t, asyncTwin(e.api));
  p.kind = asyncTwin(e.api);
  p.api = e.api;
  p.command = e.command;
  p.args = e.args;
  p.parentPid = e.pid;
  p.viaShell = e.api === 'exec' || e.api === 'execSync' || Boolean(e.options.shell);
  if (typeof e.options.shell === 'string') p.shell ??= e.options.shell;
  p.buffered = e.api === 'exec' || e.api === 'execFile';
  p.detached = e.options.detached === true;
  p.maxBuffer = e.options.maxBuffer ?? DEFAULT_MAX_BUFFER;
}

function applySpawn(state: StageState, e: Extract<LabEvent, { type: 'spawn' }>): void {
  const p = childOf(state, e.childId, null, e.t);
  if (!p || e.pid === null) return;
  const seenBefore = keyOfPid(state, e.pid);
  if (seenBefore && seenBefore !== p.key) {
    // OS sampling met this pid first (a Sync child, or a fast sampler): it is this child.
    const os = state.processes.get(seenBefore);
    if (os) {
      absorb(p, os);
      state.processes.delete(seenBefore);
    }
  }
  adoptUnplaced(state, p, e.pid);
  p.pid = e.pid;
  p.parentPid = e.ppid;
  p.spawnedAt = e.t;
  state.byPid.set(e.pid, p.key);
}

function applyOutput(state: StageState, e: OutputEvent): void {
  const count = e.count ?? 1;
  if (e.childId === BOSS_CHILD_ID) {
    if (e.type === 'stdout') state.boss.stdoutBytes += e.bytes;
    else state.boss.stderrBytes += e.bytes;
    return;
  }
  const p = childOf(state, e.childId, e.pid, e.t);
  if (!p) return;
  const tally = e.type === 'stdout' ? p.stdout : p.stderr;
  tally.bytes += e.bytes;
  tally.chunks += count;
  remember(p.output, { t: e.t, stream: e.type, bytes: e.bytes, count });
  if (!p.buffered && p.parentPid !== null && p.parentPid === state.boss.pid) {
    if (e.type === 'stdout') state.boss.receivedStdout += e.bytes;
    else state.boss.receivedStderr += e.bytes;
  }
}

/** The process with this pid, or an undrawn stand-in until its spawn is reported. */
function messageEnd(state: StageState, pid: number, otherEnd: number): { key: string; p: StageProcess | null } {
  const key = keyOfPid(state, pid);
  if (key) return { key, p: processOf(state, pid) };
  let p = state.unplaced.get(pid);
  if (!p) {
    p = newProcess(state, `pid:${pid}`, 0, 'fork', false);
    p.pid = pid;
    p.parentPid = otherEnd;
    state.unplaced.set(pid, p);
  }
  return { key: p.key, p };
}

function applyMessage(state: StageState, e: IpcMessageEvent): void {
  if (e.fromThread !== undefined && e.toThread !== undefined) return applyThreadMessage(state, e, e.fromThread, e.toThread);
  const { key: fromKey, p: from } = messageEnd(state, e.from, e.to);
  const { key: toKey, p: to } = messageEnd(state, e.to, e.from);
  // The channel belongs to the child: the end whose parent is the other end.
  const childIsSender = from !== null && from.parentPid === e.to;
  const child = childIsSender ? from : to !== null && to.parentPid === e.from ? to : (from ?? to);
  if (!child) return;
  const tally = child === from ? child.toParent : child.fromParent;
  const count = e.count ?? 1;
  if (e.dir === 'send') {
    tally.sent += count;
    remember(child.messages, { t: e.t, from: fromKey, to: toKey, bytes: e.bytes, count });
  } else {
    tally.received += count;
  }
}

function applyError(state: StageState, e: Extract<LabEvent, { type: 'error' }>): void {
  const thread = threadOfEvent(state, e);
  if (thread) return applyThreadError(thread, e);
  const error = { t: e.t, code: e.code ?? e.name, message: e.message };
  const p = e.where === 'lab' ? null : childOf(state, e.childId, e.pid, e.t);
  if (p) p.error = e.where === 'uncaught' ? { ...error, own: true } : error;
  else state.boss.error = error;
}

function applyCallback(state: StageState, e: Extract<LabEvent, { type: 'callback' }>): void {
  const p = childOf(state, e.childId, null, e.t);
  if (!p) return;
  p.callbackAt = e.t;
  p.delivery = { t: e.t, bytes: e.stdoutBytes + e.stderrBytes };
  if (p.parentPid !== null && p.parentPid === state.boss.pid) {
    state.boss.receivedStdout += e.stdoutBytes;
    state.boss.receivedStderr += e.stderrBytes;
  }
  const err = e.error;
  // The callback's verdict is what the caller was told: it stands over an error the child's own
  // program raised on the way (a writer killed for maxBuffer may first meet EPIPE), not over the
  // 'error' event the caller already had about it (the same error).
  if (!err || (p.error && !p.error.own)) return;
  // A numeric code is the exit code (the flag shows it); a string code or a kill is an error.
  if (typeof err.code === 'string') p.error = { t: e.t, code: err.code, message: err.message };
  else if (err.killed && err.signal) p.error = { t: e.t, code: err.signal, message: err.message };
}

/** The processes of the stage as a tree, for the reach of a signal sent to a group. */
function treeOf(state: StageState): ProcessTree {
  return {
    pids: () => state.byPid.keys(),
    parentOf: (pid) => processOf(state, pid)?.parentPid ?? null,
    aliveAt: (pid, t) => {
      const p = processOf(state, pid);
      const end = p ? (p.exitedAt ?? p.goneAt) : null;
      return p !== null && p.bornAt <= t && (end === null || end >= t);
    },
    leadsOwnGroup: (pid) => processOf(state, pid)?.detached === true,
  };
}

/** A signal the program sent: each process it reached keeps the latest (by time, whatever the order applied). */
function applyKill(state: StageState, e: KillEvent): void {
  for (const pid of signalReach(e, treeOf(state))) {
    const p = processOf(state, pid);
    if (p && (!p.signalled || e.t >= p.signalled.t)) p.signalled = { t: e.t, signal: e.signal, from: e.pid };
  }
}

function applyExit(state: StageState, e: Extract<LabEvent, { type: 'exit' | 'close' }>): void {
  if (e.childId === BOSS_CHILD_ID) {
    if (e.type === 'exit' || state.boss.exitedAt === null) {
      state.boss.exitedAt = e.t;
      state.boss.exitCode = e.code;
      state.boss.exitSignal = e.signal;
    }
    return;
  }
  const p = childOf(state, e.childId, e.pid, e.t);
  if (!p) return;
  if (e.type === 'close') p.closedAt = e.t;
  // A child that never started has no 'exit', only 'close' (with a negative errno).
  if (e.type === 'exit' || p.exitedAt === null) {
    p.exitedAt = e.t;
    p.exitCode = e.code;
    p.exitSignal = e.signal;
  }
}

export function applyEvent(state: StageState, e: LabEvent): void {
  if (e.t > state.lastT) state.lastT = e.t;
  switch (e.type) {
    case 'run-start':
      state.boss.pid = e.pid;
      state.boss.script = e.script;
      state.boss.startedAt = e.t;
      state.byPid.delete(e.pid ?? -1);
      break;
    case 'run-end':
      state.boss.ended = { t: e.t, reason: e.reason, ...(e.errorCode ? { errorCode: e.errorCode } : {}) };
      if (state.boss.exitedAt === null) {
        state.boss.exitedAt = e.t;
        state.boss.exitCode = e.code;
        state.boss.exitSignal = e.signal;
      }
      if (e.reason === 'error' && e.errorCode && !state.boss.error) {
        state.boss.error = { t: e.t, code: e.errorCode, message: e.message ?? e.errorCode };
      }
      break;
    case 'call':
      applyCall(state, e);
      break;
    case 'spawn':
      applySpawn(state, e);
      break;
    case 'exit':
    case 'close':
      applyExit(state, e);
      break;
    case 'disconnect':
      break;
    case 'stdout':
    case 'stderr':
      applyOutput(state, e);
      break;
    case 'message':
      applyMessage(state, e);
      break;
    case 'callback':
      applyCallback(state, e);
      break;
    case 'error':
      applyError(state, e);
      break;
    case 'kill':
      applyKill(state, e);
      break;
    case 'os-process':
      applyOsProcess(state, e);
      break;
    case 'sample': {
      const thread = threadOfEvent(state, e);
      if (thread) applyThreadSample(thread, e);
      else if (e.threadId === undefined) applySample(state, e);
      break;
    }
    case 'thread':
      applyThread(state, e);
      break;
  }
}

export { BOSS_KEY, emptyStageState };
