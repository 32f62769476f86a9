import { describe, expect, it } from 'vitest';
import type { LabEvent, IpcMessageEvent } from '../../shared/events';
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
