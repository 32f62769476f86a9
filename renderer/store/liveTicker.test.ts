import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { TestFrames } from '../../tests/fixtures/frames';
import { FrameScheduler } from '../frames/frameScheduler';
import { LiveTicker } from './liveTicker';
import type { ObraStore } from './obraStore';

/** A store, a ticker on it, and frames that come when the test says, `ms` apart. */
function setUp(state: Record<string, unknown>) {
  const store = createStore(() => state) as unknown as ObraStore;
  const source = new TestFrames();
  const frames = new FrameScheduler(source);
  const ticker = new LiveTicker(store, frames);
  const frame = (ms: number): void => {
    vi.advanceTimersByTime(ms);
    source.frame(performance.now());
  };
  return { store, source, frames, ticker, frame };
}

describe('the live ticker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('updates a panel at most every interval however fast the log grows, and never misses the last change', () => {
    const { store, ticker, frame } = setUp({ version: 0, cursor: 0 });
    const seen: number[] = [];
    ticker.add(100, () => seen.push(store.getState().version));
    for (let i = 1; i <= 60; i++) {
      store.setState({ version: i });
      frame(16);
    }
    for (let i = 0; i < 12; i++) frame(16);
    // 60 batches over ~1 s: about ten updates, not sixty; the last one shows the last batch.
    expect(seen.length).toBeGreaterThanOrEqual(8);
    expect(seen.length).toBeLessThanOrEqual(12);
    expect(seen[seen.length - 1]).toBe(60);
    ticker.dispose();
  });

  it('fires panels that are due together, in one frame, before that frame draws', () => {
    const { store, frames, ticker, frame } = setUp({ version: 0, cursor: 0 });
    const order: string[] = [];
    ticker.add(240, () => order.push('counters'));
    ticker.add(240, () => order.push('list'));
    store.setState({ version: 1 });
    // The timeline asked for its draw first; the panels still take the log before it draws.
    frames.request('draw', () => order.push('timeline'));
    expect(order).toEqual([]);
    frame(16);
    expect(order).toEqual(['counters', 'list', 'timeline']);
    ticker.dispose();
  });

  it('says which turns are live (a panel may render them as a transition) and which are one moment for every panel', () => {
    const { store, ticker, frame } = setUp({ version: 0, cursor: 0, followLive: true, status: 'running' });
    const paced: boolean[] = [];
    ticker.add(100, (p) => paced.push(p));
    store.setState({ version: 1, cursor: 10 });
    frame(16);
    // Paused on the live edge (the playhead stays): at once.
    store.setState({ followLive: false });
    // The reader moves the playhead over the same log: at once, not paced.
    store.setState({ cursor: 5 });
    // Back to following live: at once.
    store.setState({ followLive: true, cursor: 10 });
    // The run ends: every panel at once.
    store.setState({ version: 2, status: 'ended' });
    expect(paced).toEqual([true, false, false, false, false]);
    ticker.dispose();
  });

  it('never leaves a slow panel more than 3 s behind the log', () => {
    const { store, ticker, frame } = setUp({ version: 0, cursor: 0 });
    const seen: number[] = [];
    ticker.add(10_000, () => seen.push(store.getState().version));
    store.setState({ version: 1 });
    frame(1);
    store.setState({ version: 2 });
    for (let ms = 0; ms < 3_000; ms += 16) frame(16);
    expect(seen).toEqual([1, 2]);
    ticker.dispose();
  });

  it('slows the panels down while frames miss their vsync, and is back at full pace once the log settles', () => {
    const { store, source, ticker, frame } = setUp({ version: 0, cursor: 0 });
    ticker.add(100, () => {});
    // Half a second with one frame in fifteen late (a p95 frame of 33 ms): slower.
    for (let i = 1; i <= 31; i++) {
      store.setState({ version: i });
      frame(i % 15 === 0 ? 33 : 16);
    }
    expect(ticker.currentPressure).toBe(2);
    // One late frame in half a second is let be; a second without any speeds the panels up again.
    for (let i = 32; i <= 62; i++) {
      store.setState({ version: i });
      frame(i === 40 ? 33 : 16);
    }
    expect(ticker.currentPressure).toBe(2);
    for (let i = 63; i <= 123; i++) {
      store.setState({ version: i });
      frame(16);
    }
    expect(ticker.currentPressure).toBe(1);
    for (let i = 124; i <= 154; i++) {
      store.setState({ version: i });
      frame(40);
    }
    expect(ticker.currentPressure).toBe(2);
    for (let ms = 0; ms <= 1_100; ms += 16) frame(16);
    expect(ticker.currentPressure).toBe(1);
    // Settled and nothing left to show: the ticker asks for no more frames.
    expect(source.waiting).toBe(0);
    ticker.dispose();
  });
});

describe('a playhead the reader moves', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reaches every panel at once, however slow their pace', () => {
    const { store, source, ticker } = setUp({ version: 5, cursor: 0, followLive: false });
    const narration: number[] = [];
    const readout: number[] = [];
    ticker.add(2_560, () => narration.push(store.getState().cursor));
    ticker.add(60, () => readout.push(store.getState().cursor));
    for (const cursor of [100, 200, 300]) {
      store.setState({ cursor });
      // No frame runs: the panels already show the new moment.
      expect(narration.at(-1)).toBe(cursor);
      expect(readout.at(-1)).toBe(cursor);
    }
    expect(source.asked).toBe(0);
    ticker.dispose();
  });

  it('nor is the end of a run: its last batch reaches every panel with the status that says it ended', () => {
    const { store, source, ticker, frame } = setUp({ version: 0, cursor: 0, followLive: true, status: 'running' });
    const narration: number[] = [];
    ticker.add(2_560, () => narration.push(store.getState().version));
    store.setState({ version: 1 });
    frame(16);
    store.setState({ version: 2 });
    frame(16);
    // Paced while the run goes on: the narration still shows the first batch.
    expect(narration).toEqual([1]);
    store.setState({ version: 3, status: 'ended' });
    expect(narration).toEqual([1, 3]);
    // Nothing left for a frame to bring.
    for (let ms = 0; ms <= 1_100; ms += 16) frame(16);
    expect(narration).toEqual([1, 3]);
    expect(source.waiting).toBe(0);
    ticker.dispose();
  });

  it('but a live run that follows its log is still paced', () => {
    const { store, ticker, frame } = setUp({ version: 0, cursor: 0, followLive: true });
    const seen: number[] = [];
    ticker.add(100, () => seen.push(store.getState().cursor));
    for (let i = 1; i <= 10; i++) store.setState({ version: i, cursor: i * 1000 });
    expect(seen.length).toBe(0);
    frame(1);
    expect(seen).toEqual([10_000]);
    ticker.dispose();
  });
});
