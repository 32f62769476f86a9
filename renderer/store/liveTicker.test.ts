import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { LiveTicker } from './liveTicker';
import type { ObraStore } from './obraStore';

describe('the live ticker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('updates a panel at most every interval however fast the log grows, and never misses the last change', () => {
    const store = createStore(() => ({ version: 0, cursor: 0 })) as unknown as ObraStore;
    const ticker = new LiveTicker(store);
    const seen: number[] = [];
    ticker.add(100, () => seen.push(store.getState().version));
    for (let frame = 1; frame <= 60; frame++) {
      store.setState({ version: frame });
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(200);
    // 60 batches over ~1 s: about ten updates, not sixty; the last one shows the last batch.
    expect(seen.length).toBeGreaterThanOrEqual(8);
    expect(seen.length).toBeLessThanOrEqual(12);
    expect(seen[seen.length - 1]).toBe(60);
    ticker.dispose();
  });

  it('fires panels that are due together, from one task', () => {
    const store = createStore(() => ({ version: 0, cursor: 0 })) as unknown as ObraStore;
    const ticker = new LiveTicker(store);
    const order: string[] = [];
    ticker.add(240, () => order.push('counters'));
    ticker.add(240, () => order.push('list'));
    store.setState({ version: 1 });
    vi.advanceTimersByTime(1);
    expect(order).toEqual(['counters', 'list']);
    ticker.dispose();
  });

  it('never leaves a slow panel more than 3 s behind the log', () => {
    const store = createStore(() => ({ version: 0, cursor: 0 })) as unknown as ObraStore;
    const ticker = new LiveTicker(store);
    const seen: number[] = [];
    ticker.add(10_000, () => seen.push(store.getState().version));
    store.setState({ version: 1 });
    vi.advanceTimersByTime(1);
    store.setState({ version: 2 });
    vi.advanceTimersByTime(3_000);
    expect(seen).toEqual([1, 2]);
    ticker.dispose();
  });
});

describe('a playhead the reader moves', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reaches every panel at once, however slow their pace', () => {
    const store = createStore(() => ({ version: 5, cursor: 0, followLive: false })) as unknown as ObraStore;
    const ticker = new LiveTicker(store);
    const narration: number[] = [];
    const readout: number[] = [];
    ticker.add(2_560, () => narration.push(store.getState().cursor));
    ticker.add(60, () => readout.push(store.getState().cursor));
    for (const cursor of [100, 200, 300]) {
      store.setState({ cursor });
      // No timer runs: the panels already show the new moment.
      expect(narration.at(-1)).toBe(cursor);
      expect(readout.at(-1)).toBe(cursor);
    }
    ticker.dispose();
  });

  it('but a live run that follows its log is still paced', () => {
    const store = createStore(() => ({ version: 0, cursor: 0, followLive: true })) as unknown as ObraStore;
    const ticker = new LiveTicker(store);
    const seen: number[] = [];
    ticker.add(100, () => seen.push(store.getState().cursor));
    for (let frame = 1; frame <= 10; frame++) store.setState({ version: frame, cursor: frame * 1000 });
    expect(seen.length).toBe(0);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([10_000]);
    ticker.dispose();
  });
});
