import { describe, expect, it } from 'vitest';
import { checkEvent } from './event-check';
import { ColumnsReader, ColumnsWriter, type EventColumns } from './event-columns';
import type { LabEvent } from './events';

/** Events as the lab writes them, of every shape that goes to columns and of some that do not. */
function flood(copies: number): LabEvent[] {
  const out: LabEvent[] = [];
  for (let k = 0; k < copies; k++) {
    const t = 1_000 * k;
    out.push(
      { type: 'message', t: t + 1, pid: 7, dir: 'send', from: 7, to: 8, seq: k, bytes: 8, preview: `{"n":${k}}` },
      { type: 'message', t: t + 2, pid: 8, dir: 'recv', from: 7, to: 8, seq: k, bytes: 8, preview: `{"n":${k}}` },
      { type: 'message', t: t + 3, pid: 8, dir: 'recv', from: 7, to: 8, seq: k + 5, bytes: 80, preview: 'x', count: 5, lastSeq: k + 5, firstSeq: k + 1 },
      { type: 'stdout', t: t + 4, pid: 8, childId: '7:1', bytes: 6, preview: 'chunk chunk\\n' },
      { type: 'stderr', t: t + 5, pid: 9, childId: `7:${k % 3}`, bytes: 60, preview: `line ${k}`, count: 2 },
      { type: 'task', t: t + 6, pid: 7, kind: 'ipc', dur: 12, label: 'message' },
      { type: 'task', t: t + 7, pid: 7, kind: 'timer', dur: 3, due: t + 1.5, label: 'setTimeout 1 ms', source: { file: '/demo/boss.js', line: 3 + (k % 2), column: 7 } },
      // Not in columns: a sample, a pid of null, keys in another order, a place with more fields, a message between threads.
      { type: 'sample', t: t + 8, pid: 7, cpu: 12.5, rss: 4096 },
      { type: 'close', t: t + 9, pid: null, childId: '7:1', code: -2, signal: null },
      { pid: 8, type: 'stdout', t: t + 10, childId: '7:1', bytes: 1, preview: '' } as LabEvent,
      { type: 'task', t: t + 11, pid: 7, kind: 'timer', dur: 3, due: 2, label: 'l', source: { file: '/demo/w.js', line: 1, column: 1, extra: true } as never },
      { type: 'task', t: t + 12, pid: 7, kind: 'timer', dur: 3, due: 2, label: 'l', source: null },
      { type: 'message', t: t + 13, pid: 7, dir: 'send', from: 7, to: 7, seq: k, bytes: 8, preview: '1', fromThread: 0, toThread: 1 },
      { type: 'stdout', t: -0, pid: 8, childId: '7:1', bytes: 0, preview: '' },
    );
  }
  return out;
}

/** Events written in batches of `size` and read back, as the worker and the page do: each batch's columns given back once read. */
function roundTrip(events: readonly LabEvent[], size: number): { batches: EventColumns[]; read: LabEvent[]; buffers: Set<ArrayBufferLike> } {
  const writer = new ColumnsWriter(size);
  const reader = new ColumnsReader();
  const batches: EventColumns[] = [];
  const read: LabEvent[] = [];
  const buffers = new Set<ArrayBufferLike>();
  const pass = (): void => {
    const batch = writer.take();
    batches.push({ ...batch, shapes: batch.shapes.slice(), numbers: batch.numbers.slice(), refs: batch.refs.slice() });
    buffers.add(batch.numbers.buffer);
    read.push(...reader.read(batch, (json) => JSON.parse(json) as LabEvent[]));
    writer.recycle(batch);
  };
  for (const e of events) {
    expect(checkEvent(e, 'log')).toEqual({ event: e });
    writer.add(e, JSON.stringify(e));
    if (writer.events === size) pass();
  }
  if (writer.events > 0) pass();
  return { batches, read, buffers };
}

describe('checked events in columns', () => {
  it('are built back as exactly the events written, key for key and in order, in batches of any size', () => {
    const events = flood(40);
    for (const size of [1, 3, 14, 100, 10_000]) {
      const { read } = roundTrip(events, size);
      expect(read.length).toBe(events.length);
      expect(JSON.stringify(read)).toBe(JSON.stringify(events));
      expect(Object.is(read[read.length - 1].t, -0)).toBe(true);
    }
  });

  it('carry the lab’s messages, output and callbacks as numbers and shared texts, the rest as their lines', () => {
    const { batches } = roundTrip(flood(40), 10_000);
    const [batch] = batches;
    const inColumns = [...batch.shapes].filter((shape) => shape !== 0).length;
    expect(inColumns).toBe(8 * 40);
    expect((JSON.parse(batch.json) as unknown[]).length).toBe(6 * 40);
    // Texts sent once (an id, a label, a place's file) or once per distinct preview, not once per event.
    expect(batch.texts.filter((text) => text === '7:1').length).toBe(1);
    // An output's preview is kept by its length, a message's by its seq: they may take each other's place now and then.
    expect(batch.texts.filter((text) => text === 'chunk chunk\\n').length).toBeLessThan(40 / 4);
    expect(batch.texts.filter((text) => text === '{"n":3}').length).toBe(1);
  });

  it('are written again in the columns the reading side gave back', () => {
    const { batches, read, buffers } = roundTrip(flood(40), 50);
    expect(batches.length).toBeGreaterThan(5);
    // The first batch's columns and the next one's, taken while the first was out, and no more.
    expect(buffers.size).toBe(2);
    expect(JSON.stringify(read)).toBe(JSON.stringify(flood(40)));
  });

  it('start their shared tables again past their bound, on both sides at once', () => {
    const events: LabEvent[] = [];
    for (let i = 0; i < 40_000; i++) events.push({ type: 'stdout', t: i, pid: 8, childId: `7:${i}`, bytes: 1, preview: 'a' });
    const { batches, read } = roundTrip(events, 4_096);
    expect(batches.some((batch) => batch.reset)).toBe(true);
    expect(JSON.stringify(read)).toBe(JSON.stringify(events));
  });

  it('refuse a batch that does not hold what it says', () => {
    const writer = new ColumnsWriter(10);
    writer.add({ type: 'task', t: 1, pid: 7, kind: 'ipc', dur: 12, label: 'message' }, '');
    const batch = writer.take();
    expect(() => new ColumnsReader().read({ ...batch, texts: [...batch.texts, 'more'] }, () => [])).toThrow(/does not hold/);
  });
});
