/**
 * Worker threads on the stage: each a figure of its own (kind 'thread') in
 * its process, keyed `thread:<pid>:<threadId>` — never by pid, which it shares
 * with its process. Its messages are envelopes between it and the thread that
 * created it; its samples and errors are its own, not its process's.
 */
import type { FailureEvent, IpcMessageEvent, SampleEvent, ThreadEvent } from '../../shared/events';
import { BOSS_KEY, RECENT_GESTURES, type StageProcess, type StageState } from './model-types';
import { keyOfPid } from './model-os';
import { newProcess } from './model-process';

export function threadStageKey(pid: number, thread: number): string {
  return `thread:${pid}:${thread}`;
}

/** The stage key of one end of a message between threads: thread 0 is its process (the boss, or a worker). */
function endKey(state: StageState, pid: number, thread: number): string | null {
  return thread === 0 ? keyOfPid(state, pid) : threadStageKey(pid, thread);
}

export function applyThread(state: StageState, e: ThreadEvent): void {
  if (e.pid === null) return;
  const key = threadStageKey(e.pid, e.thread);
  const p = state.processes.get(key) ?? newProcess(state, key, e.t, 'thread');
  p.thread = e.thread;
  p.pid = e.pid;
  p.parentPid = e.pid;
  if (e.state === 'start') {
    p.bornAt = e.t;
    p.command = e.file ?? p.command;
    p.ownerKey = e.threadId ? threadStageKey(e.pid, e.threadId) : null;
  } else if (e.state === 'online') {
    p.spawnedAt = e.t;
  } else {
    p.exitedAt = e.t;
    p.exitCode = e.code ?? null;
  }
}

/** The Worker thread an event happened in, if it happened in one the stage knows. */
export function threadOfEvent(state: StageState, e: { pid: number | null; threadId?: number }): StageProcess | null {
  if (e.threadId === undefined || e.pid === null) return null;
  return state.processes.get(threadStageKey(e.pid, e.threadId)) ?? null;
}

/** A message between two threads: counted on the thread end nearer the leaves (the one created by the other). */
export function applyThreadMessage(state: StageState, e: IpcMessageEvent & { fromThread: number; toThread: number }): void {
  const fromKey = endKey(state, e.from, e.fromThread) ?? BOSS_KEY;
  const toKey = endKey(state, e.to, e.toThread) ?? BOSS_KEY;
  const from = state.processes.get(fromKey);
  const to = state.processes.get(toKey);
  // The channel belongs to the thread whose creator is the other end.
  const createdBy = (p: StageProcess | undefined, key: string): boolean => p?.thread != null && (p.ownerKey ?? keyOfPid(state, p.pid ?? -1)) === key;
  const child = createdBy(from, toKey) ? from : createdBy(to, fromKey) ? to : (from ?? to);
  if (!child) return;
  const tally = child === from ? child.toParent : child.fromParent;
  const count = e.count ?? 1;
  if (e.dir === 'send') {
    tally.sent += count;
    let i = child.messages.length;
    while (i > 0 && child.messages[i - 1].t > e.t) i--;
    child.messages.splice(i, 0, { t: e.t, from: fromKey, to: toKey, bytes: e.bytes, count });
    if (child.messages.length > RECENT_GESTURES) child.messages.shift();
  } else {
    tally.received += count;
  }
}

/** A thread's own event-loop sample: how hard that thread works. */
export function applyThreadSample(p: StageProcess, e: SampleEvent): void {
  if (e.elu !== undefined && (p.eluAt === null || e.t >= p.eluAt)) {
    p.elu = e.elu;
    p.eluAt = e.t;
  }
}

/** An error thrown inside a thread: the thread raises the stop sign, not its process. */
export function applyThreadError(p: StageProcess, e: FailureEvent): void {
  p.error = { t: e.t, code: e.code ?? e.name, message: e.message };
}
