import { describe, expect, it } from 'vitest';
import type { EventBatch } from './api';
import { BatchRelay } from '../electron/shell/batch-relay';
import { droppedBatchesError, droppedCountOf } from './dropped-batches';

describe('ERR_OBRA_DROPPED', () => {
  it('the renderer reads the count from the error the relay sends, built by the same function', () => {
    const sent: EventBatch[] = [];
    const relay = new BatchRelay((batch) => sent.push(batch));
    relay.runStarted('r1');
    for (let i = 0; i < 10_003; i++) relay.push({ runId: 'r1', events: [{ type: 'stdout', t: i, pid: 1, data: 'x' } as never] });
    relay.pageReady();
    expect(droppedCountOf(sent[0].events[0])).toBe(3);
    expect(sent[0].events[0]).toEqual(droppedBatchesError(3, 3));
  });

  it('any other error is not a drop', () => {
    expect(droppedCountOf({ type: 'error', where: 'child', code: 'ENOENT', name: 'Error', message: 'spawn x ENOENT', t: 1, pid: 2 })).toBeNull();
  });
});
