import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TestFrames } from '../../tests/fixtures/frames';
import { recordedStore } from '../../tests/fixtures/recorded-store';
import { FrameScheduler } from '../frames/frameScheduler';
import { startPlaybackDriver } from './playbackDriver';

describe('the replay clock in the frame loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('moves the playhead in each frame’s updates, and that frame’s draw shows where it moved to', () => {
    const store = recordedStore();
    store.getState().setCursor(0);
    const source = new TestFrames();
    const frames = new FrameScheduler(source);
    const stop = startPlaybackDriver(store, frames);
    // A painter as the timeline is one: it asks for a draw when the playhead moves, and draws what the store holds then.
    const drawn: number[] = [];
    store.subscribe((state, previous) => {
      if (state.cursor !== previous.cursor) frames.request('draw', () => drawn.push(store.getState().cursor));
    });
    store.getState().play();
    const moments: number[] = [];
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(16);
      source.frame(performance.now());
      moments.push(store.getState().cursor);
    }
    expect(moments[4]).toBeGreaterThan(moments[0]);
    // One draw a frame, each of the moment its own frame's clock reached.
    expect(drawn).toEqual(moments);
    store.getState().pause();
    stop();
  });

  it('asks for no frame once stopped', () => {
    const store = recordedStore();
    store.getState().setCursor(0);
    const source = new TestFrames();
    const stop = startPlaybackDriver(store, new FrameScheduler(source));
    store.getState().play();
    stop();
    vi.advanceTimersByTime(16);
    source.frame(performance.now());
    expect(store.getState().cursor).toBe(0);
    expect(source.waiting).toBe(0);
  });
});
