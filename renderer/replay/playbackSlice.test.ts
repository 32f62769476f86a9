import { describe, expect, it } from 'vitest';
import { recordedStore } from '../../tests/fixtures/recorded-store';

describe('the replay clock', () => {
  it('steps from event to event (samples and callbacks are not events to teach, a late timer is), both ways, and pauses', () => {
    const store = recordedStore();
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
    const store = recordedStore();
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
    const store = recordedStore();
    store.getState().setTeaching(true);
    store.getState().setCursor(0);
    store.getState().play();
    store.getState().advance(200);
    // 200 ms of a ≥ 450 ms dwell: still between the two first events.
    expect(store.getState().cursor).toBeGreaterThan(0);
    expect(store.getState().cursor).toBeLessThan(30);
  });
});
