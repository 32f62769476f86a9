import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ObraApi } from '../../shared/api';
import type { LabEvent, LogHeader } from '../../shared/events';
import { TestFrames } from '../../tests/fixtures/frames';
import { FrameScheduler } from '../frames/frameScheduler';
import { createObraStore } from '../store/obraStore';
import { startPlaybackDriver } from './playbackDriver';

const api: ObraApi = {
  listDemos: () => Promise.resolve([]),
  readDemo: () => Promise.resolve([]),
  startRun: () => Promise.reject(new Error('no lab here')),
  stopRun: () => Promise.resolve(),
  subscribe: () => () => undefined,
};
const header = { obra: 1, runId: 'r', script: 'boss.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, startedAt: '' } as LogHeader;
const events = [
  { t: 0, type: 'run-start', pid: 1 },
  { t: 30, type: 'stdout', pid: 1, bytes: 3, preview: 'hi' },
  { t: 2_000_000, type: 'run-end', pid: null, reason: 'exit' },
] as unknown as LabEvent[];

describe('the replay clock in the frame loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('moves the playhead in each frame’s updates, and that frame’s draw shows where it moved to', () => {
    const { store } = createObraStore(api);
    store.getState().beginRecording(header);
    store.getState().appendRecording(events, true);
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
    const { store } = createObraStore(api);
    store.getState().beginRecording(header);
    store.getState().appendRecording(events, true);
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
