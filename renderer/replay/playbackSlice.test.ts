import { describe, expect, it } from 'vitest';
import type { ObraApi } from '../../shared/api';
import type { LabEvent, LogHeader } from '../../shared/events';
import { createObraStore } from '../store/obraStore';

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
  { t: 10, type: 'sample', pid: 1 },
  { t: 20, type: 'task', pid: 1, kind: 'fs', dur: 40 },
  { t: 30, type: 'stdout', pid: 1, bytes: 3, preview: 'hi' },
  { t: 1_500_000, type: 'task', pid: 1, kind: 'timer', dur: 40, due: 100_000 },
  { t: 2_000_000, type: 'run-end', pid: null, reason: 'exit' },
] as unknown as LabEvent[];

function recorded() {
  const { store } = createObraStore(api);
  store.getState().beginRecording(header);
  store.getState().appendRecording(events, true);
  return store;
}

describe('the replay clock', () => {
  it('steps from event to event (samples and callbacks are not events to teach, a late timer is), both ways, and pauses', () => {
    const store = recorded();
    store.getState().setCursor(0);
    store.getState().stepEvent(1);
    expect(store.getState().cursor).toBe(30);
    store.getState().stepEvent(1);
    expect(store.getState().cursor).toBe(1_500_000);
    store.getState().stepEvent(1);
    expect(store.getState().cursor).toBe(2_000_000);
    store.getState().stepEvent(-1);
    store.getState().stepEvent(-1);
    expect(store.getState().cursor).toBe(30);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().followLive).toBe(false);
  });

  it('plays at real time × speed, and stops at the end of a recording', () => {
    const store = recorded();
    store.getState().setCursor(0);
    store.getState().setSpeed(0.5);
    store.getState().play();
    store.getState().advance(100);
    expect(store.getState().cursor).toBeCloseTo(50_000);
    store.getState().advance(10_000);
    expect(store.getState().cursor).toBe(2_000_000);
    expect(store.getState().playing).toBe(false);
  });

  it('at teaching speed the 20 µs gap lasts as long on screen as a minimum dwell', () => {
    const store = recorded();
    store.getState().setTeaching(true);
    store.getState().setCursor(0);
    store.getState().play();
    store.getState().advance(200);
    // 200 ms of a ≥ 450 ms dwell: still between the two first events.
    expect(store.getState().cursor).toBeGreaterThan(0);
    expect(store.getState().cursor).toBeLessThan(30);
  });
});
