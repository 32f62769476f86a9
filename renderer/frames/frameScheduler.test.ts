import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestFrames } from '../../tests/fixtures/frames';
import { FrameScheduler } from './frameScheduler';

describe('the frame scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('runs every update before any draw in a frame, whichever was asked for first', () => {
    const source = new TestFrames();
    const frames = new FrameScheduler(source);
    const order: string[] = [];
    frames.request('draw', () => order.push('timeline draws'));
    frames.request('draw', () => order.push('stage takes the log'));
    frames.request('update', () => order.push('clock moves the playhead'));
    frames.request('update', () => order.push('ticker hands the panels the log'));
    source.frame(16);
    expect(order).toEqual(['clock moves the playhead', 'ticker hands the panels the log', 'timeline draws', 'stage takes the log']);
  });

  it('draws in the same frame what an update of that frame changed', () => {
    const source = new TestFrames();
    const frames = new FrameScheduler(source);
    let playhead = 0;
    const drawn: number[] = [];
    const clock = (now: number): void => {
      playhead = now;
      frames.request('draw', () => drawn.push(playhead));
      frames.request('update', clock);
    };
    frames.request('update', clock);
    for (const now of [16, 33, 50]) source.frame(now);
    expect(drawn).toEqual([16, 33, 50]);
  });

  it('asks the browser for one frame at a time, however many turns wait', () => {
    const source = new TestFrames();
    const frames = new FrameScheduler(source);
    for (let i = 0; i < 10; i++) {
      frames.request('update', () => {});
      frames.request('draw', () => {});
    }
    expect(source.asked).toBe(1);
    source.frame(16);
    // Nothing left to run: no frame is asked for.
    expect(source.waiting).toBe(0);
  });

  it('runs a turn asked for twice before its frame once, and a turn that asks again once a frame', () => {
    const source = new TestFrames();
    const frames = new FrameScheduler(source);
    let draws = 0;
    const draw = (): void => {
      draws++;
    };
    frames.request('draw', draw);
    frames.request('draw', draw);
    source.frame(16);
    expect(draws).toBe(1);
    let ticks = 0;
    const tick = (): void => {
      ticks++;
      frames.request('update', tick);
    };
    frames.request('update', tick);
    for (const now of [33, 50, 66]) source.frame(now);
    expect(ticks).toBe(3);
  });

  it('skips a turn taken back, even by an earlier turn of the same frame', () => {
    const source = new TestFrames();
    const frames = new FrameScheduler(source);
    const ran: string[] = [];
    const takeBack = frames.request('draw', () => ran.push('old draw'));
    let takeBackUpdate = (): void => {};
    frames.request('update', () => {
      ran.push('first update');
      takeBack();
      takeBackUpdate();
    });
    takeBackUpdate = frames.request('update', () => ran.push('second update'));
    source.frame(16);
    expect(ran).toEqual(['first update']);
  });

  it('goes on with the frame when a turn throws, and reports the error', () => {
    vi.useFakeTimers();
    const source = new TestFrames();
    const frames = new FrameScheduler(source);
    const ran: string[] = [];
    frames.request('update', () => {
      throw new Error('a panel failed');
    });
    frames.request('update', () => ran.push('clock'));
    frames.request('draw', () => ran.push('timeline'));
    source.frame(16);
    expect(ran).toEqual(['clock', 'timeline']);
    expect(() => vi.runAllTimers()).toThrow('a panel failed');
  });
});
