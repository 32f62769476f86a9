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
