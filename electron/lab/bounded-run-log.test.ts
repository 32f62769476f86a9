import { describe, expect, it } from 'vitest';
import type { LabEvent, IpcMessageEvent, TaskEvent } from '../../shared/events';
import { BoundedRunLog } from './bounded-run-log';

const msg = (seq: number, t = seq): IpcMessageEvent => ({ type: 'message', t, pid: 10, dir: 'send', from: 10, to: 11, seq, bytes: 5, preview: `m${seq}` });

describe('the run log', () => {
  it('sorts each batch by t, keeping arrival order for equal times, and appends it', () => {
    const log = new BoundedRunLog({ maxEvents: 100, maxEventsPerSecond: 10_000 }, () => {});
    const a: LabEvent = { type: 'disconnect', t: 30, pid: 1, childId: 'a' };
    const b: LabEvent = { type: 'disconnect', t: 10, pid: 2, childId: 'b' };
    const c: LabEvent = { type: 'disconnect', t: 30, pid: 3, childId: 'c' };
    [a, b, c].forEach((e) => log.add(e));
    expect(log.takeBatch()).toEqual([b, a, c]);
    expect(log.events).toEqual([b, a, c]);
    expect(log.takeBatch()).toEqual([]);
  });

  it('past the rate, joins contiguous messages of one channel into one event with exact count, bytes and seq range', () => {
    const log = new BoundedRunLog({ maxEvents: 1000, maxEventsPerSecond: 20 }, () => {}); // 2 per 100 ms window
    for (let seq = 1; seq <= 10; seq++) log.add(msg(seq));
    log.add(msg(20)); // a gap: a new run of messages
    log.add(msg(21));
    const batch = log.takeBatch() as IpcMessageEvent[];
    expect(batch.map((e) => [e.seq, e.count ?? 1, e.firstSeq, e.lastSeq, e.bytes])).toEqual([
      [1, 1, undefined, undefined, 5],
      [2, 1, undefined, undefined, 5],
      [10, 8, 3, 10, 40],
      [21, 2, 20, 21, 10],
    ]);
    expect(batch[2].preview).toBe('m3');
    expect(log.coalesced).toBe(8);
  });

  it('past the rate, keeps the channels of two Worker threads of one process apart: each its own count and seq range', () => {
    const log = new BoundedRunLog({ maxEvents: 1000, maxEventsPerSecond: 20 }, () => {}); // 2 per 100 ms window
    const toThread = (thread: number, seq: number): IpcMessageEvent => ({ ...msg(seq), to: 10, fromThread: 0, toThread: thread, preview: `t${thread}:${seq}` });
    log.add(msg(1));
    log.add(msg(2));
    for (let seq = 1; seq <= 4; seq++) {
      log.add(toThread(1, seq));
      log.add(toThread(2, seq));
    }
    const merged = (log.takeBatch() as IpcMessageEvent[]).filter((e) => e.toThread !== undefined);
    expect(merged.map((e) => [e.toThread, e.count, e.firstSeq, e.lastSeq, e.bytes, e.preview])).toEqual([
      [1, 4, 1, 4, 20, 't1:1'],
      [2, 4, 1, 4, 20, 't2:1'],
    ]);
  });

  it('past the rate, joins the callbacks of one thread and kind into one task with exact count, total time and the span they cover', () => {
    const log = new BoundedRunLog({ maxEvents: 1000, maxEventsPerSecond: 20 }, () => {}); // 2 per 100 ms window
    const task = (t: number, dur: number, kind: TaskEvent['kind'] = 'ipc', threadId?: number): TaskEvent => ({ type: 'task', t, pid: 10, kind, dur, label: 'message', ...(threadId ? { threadId } : {}) });
    log.add(task(1, 5));
    log.add(task(10, 5));
    for (let i = 0; i < 5; i++) log.add(task(100 + i * 10, 3));
    log.add({ type: 'task', t: 50, pid: 10, kind: 'ipc', dur: 7, count: 4, span: 20 });
    log.add(task(60, 2, 'ipc', 1));
    log.add(task(70, 9, 'timer'));
    const batch = log.takeBatch() as TaskEvent[];
    expect(batch.map((e) => [e.t, e.kind, e.threadId ?? 0, e.dur, e.count ?? 1, e.span ?? null, e.label ?? null])).toEqual([
      [1, 'ipc', 0, 5, 1, null, 'message'],
      [10, 'ipc', 0, 5, 1, null, 'message'],
      [50, 'ipc', 0, 22, 9, 93, null],
      [60, 'ipc', 1, 2, 1, 2, null],
      [70, 'timer', 0, 9, 1, 9, null],
    ]);
    expect(log.coalesced).toBe(5);
  });

  it('when full, calls onFull once, keeps only essential events and counts the rest', () => {
    let full = 0;
    const log = new BoundedRunLog({ maxEvents: 3, maxEventsPerSecond: 10_000 }, () => full++);
    for (let seq = 1; seq <= 6; seq++) log.add(msg(seq));
    log.add({ type: 'run-end', t: 99, pid: 1, reason: 'error', code: null, signal: null }, true);
    expect(full).toBe(1);
    expect(log.dropped).toBe(3);
    expect(log.takeBatch().map((e) => e.type)).toEqual(['message', 'message', 'message', 'run-end']);
  });
});
