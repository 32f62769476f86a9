import { describe, expect, it } from 'vitest';
import { messageChannelKey } from './message-channel';

describe('the channel a message travels on', () => {
  it('is one per sender and receiver, and per pair of threads within one process', () => {
    const toWorker = (thread: number) => messageChannelKey({ from: 7, to: 7, fromThread: 0, toThread: thread });
    expect(toWorker(1)).not.toBe(toWorker(2));
    expect(messageChannelKey({ from: 7, to: 8 })).not.toBe(messageChannelKey({ from: 8, to: 7 }));
    expect(messageChannelKey({ from: 7, to: 8 })).toBe(messageChannelKey({ from: 7, to: 8 }));
  });
});
