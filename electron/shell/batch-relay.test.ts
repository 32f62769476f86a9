import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../../shared/api';
import { BatchRelay } from './batch-relay';

const batch = (runId: string, n: number, end?: boolean): EventBatch => ({
  runId,
  events: [{ type: 'sample', t: n, pid: 1, elu: 0 }],
  ...(end ? { end } : {}),
});

describe('BatchRelay', () => {
  it('holds batches until the page says ready, then delivers them in order', () => {
    const sent: EventBatch[] = [];
    const relay = new BatchRelay((b) => sent.push(b));
    relay.push(batch('r1', 1));
    relay.push(batch('r1', 2));
    expect(sent).toEqual([]);
    relay.pageReady();
    relay.push(batch('r1', 3));
    expect(sent.map((b) => b.events[0].t)).toEqual([1, 2, 3]);
  });

  it('forgets what it held when the page reloads, and names the runs to stop', () => {
    const sent: EventBatch[] = [];
    const relay = new BatchRelay((b) => sent.push(b));
    relay.runStarted('r1');
    relay.runStarted('r2');
    relay.runStopped('r2');
    relay.push(batch('r1', 1));
    expect(relay.pageGone()).toEqual(['r1']);
    relay.pageReady();
    expect(sent).toEqual([]);
  });

  it('drops the late batches of a gone page runs, but not those of new runs', () => {
    const sent: EventBatch[] = [];
    const relay = new BatchRelay((b) => sent.push(b));
    relay.pageReady();
    relay.runStarted('old');
    relay.pageGone();
    relay.pageReady();
    relay.push(batch('old', 5));
    relay.push(batch('old', 6, true));
    relay.push(batch('new', 7));
    expect(sent.map((b) => b.runId)).toEqual(['new']);
  });

  it('a run that ended is not stopped again when the page goes', () => {
    const relay = new BatchRelay(() => {});
    relay.pageReady();
    relay.runStarted('r1');
    relay.push(batch('r1', 9, true));
    expect(relay.pageGone()).toEqual([]);
  });
});

describe('BatchRelay past its 10 000 held batches', () => {
  it('drops the oldest, then tells the page how many with an ERR_OBRA_DROPPED lab error before the rest', () => {
    const sent: EventBatch[] = [];
    const relay = new BatchRelay((b) => sent.push(b));
    for (let n = 1; n <= 10_003; n++) relay.push(batch('r1', n));
    expect(relay.dropped).toBe(3);
    relay.pageReady();
    expect(sent).toHaveLength(10_001);
    expect(sent[0]).toEqual({
      runId: 'r1',
      events: [
        {
          type: 'error',
          where: 'lab',
          code: 'ERR_OBRA_DROPPED',
          name: 'Error',
          message: '3 event batches were dropped before the page was ready',
          t: 4,
          pid: null,
        },
      ],
    });
    expect(sent[1].events[0].t).toBe(4);
    expect(sent[sent.length - 1].events[0].t).toBe(10_003);
  });

  it('tells each run of its own drops, and nothing when nothing was dropped', () => {
    const sent: EventBatch[] = [];
    const relay = new BatchRelay((b) => sent.push(b));
    relay.push(batch('a', 1));
    relay.push(batch('b', 2));
    for (let n = 3; n <= 10_001; n++) relay.push(batch('b', n));
    relay.pageReady();
    const told = sent.filter((b) => b.events[0].type === 'error');
    expect(told.map((b) => [b.runId, b.events[0].type === 'error' && b.events[0].message])).toEqual([
      ['a', '1 event batches were dropped before the page was ready'],
    ]);

    const quiet: EventBatch[] = [];
    const calm = new BatchRelay((b) => quiet.push(b));
    calm.push(batch('r1', 1));
    calm.pageReady();
    expect(quiet.map((b) => b.events[0].type)).toEqual(['sample']);
  });
});
