import { describe, expect, it } from 'vitest';
import { droppedBatchesError as fromRelay } from '../../electron/shell/batch-relay';
import { droppedBatchesError, droppedCountOf } from './droppedBatches';

describe('ERR_OBRA_DROPPED', () => {
  it('the renderer reads the count from the error the relay sends, and from its own', () => {
    expect(droppedCountOf(fromRelay(12_345, 7))).toBe(12_345);
    expect(fromRelay(3, 7)).toEqual(droppedBatchesError(3, 7));
  });

  it('any other error is not a drop', () => {
    expect(droppedCountOf({ type: 'error', where: 'child', code: 'ENOENT', name: 'Error', message: 'spawn x ENOENT', t: 1, pid: 2 })).toBeNull();
  });
});
