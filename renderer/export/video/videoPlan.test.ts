import { describe, expect, it } from 'vitest';
import { TeachingClock, dwellMs } from '../../replay/teachingTime';
import { clipSpanUs, cursorAtFrame, frameTimestamp, speedText, videoPlan } from './videoPlan';

describe('a replay range as a clip', () => {
  it('plays a range at real speed, 30 frames a second, first frame at the start and last at the end', () => {
    const plan = videoPlan({ start: 1_000_000, end: 5_000_000 }, { speed: 1, fps: 30 });
    expect(plan).toMatchObject({ speed: 1, frames: 120, durationUs: 4_000_000, teaching: null });
    expect(cursorAtFrame(plan, 0)).toBe(1_000_000);
    expect(cursorAtFrame(plan, plan.frames - 1)).toBe(5_000_000);
    expect(frameTimestamp(plan, 30)).toBe(1_000_000);
  });

  it('lasts the range over the speed: half as long at 2×, twenty times longer at 0.05×', () => {
    const second = { start: 200_000, end: 1_200_000 };
    expect(videoPlan(second, { speed: 1, fps: 30 })).toMatchObject({ frames: 30, durationUs: 1_000_000 });
    expect(videoPlan(second, { speed: 2, fps: 30 })).toMatchObject({ frames: 15, durationUs: 500_000 });
    expect(videoPlan(second, { speed: 0.05, fps: 30 })).toMatchObject({ frames: 600, durationUs: 20_000_000 });
    expect(videoPlan(second, { speed: 0.25, fps: 24 })).toMatchObject({ frames: 96, durationUs: 4_000_000 });
    expect(videoPlan(second, { speed: 1, fps: 60 }).frames).toBe(60);
  });

  it('never makes fewer than two frames (a start and an end), however short the range', () => {
    expect(videoPlan({ start: 0, end: 300 }, { speed: 2, fps: 30 })).toMatchObject({ frames: 2 });
    expect(videoPlan({ start: 50, end: 50 }, { speed: 1, fps: 30 })).toMatchObject({ start: 50, end: 51, frames: 2 });
  });

  it('in teaching time, lasts the dwells of the events in the range (over the speed) and walks the events in order', () => {
    // Events at 0, 10 µs, 1 ms and 1 s: gaps of microseconds and of a second each get a moment.
    const clock = new TeachingClock([0, 10, 1_000, 1_000_000]);
    const teachingMs = dwellMs(10) + dwellMs(990) + dwellMs(999_000);
    expect(clipSpanUs({ start: 0, end: 1_000_000 }, { speed: 1, fps: 30, teaching: clock })).toBeCloseTo(teachingMs * 1_000, 3);
    const plan = videoPlan({ start: 0, end: 1_000_000 }, { speed: 0.5, fps: 30, teaching: clock });
    expect(plan.frames).toBe(Math.round(((2 * teachingMs) / 1_000) * 30));
    expect(cursorAtFrame(plan, 0)).toBe(0);
    expect(cursorAtFrame(plan, plan.frames - 1)).toBe(1_000_000);
    // The first 10 µs take a whole dwell of frames, not a ten-thousandth of the clip.
    const framesBefore10us = Array.from({ length: plan.frames }, (_, k) => cursorAtFrame(plan, k)).filter((t) => t < 10).length;
    expect(framesBefore10us).toBeGreaterThan(10);
    const times = Array.from({ length: plan.frames }, (_, k) => cursorAtFrame(plan, k));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('writes the speed the way a reader says it', () => {
    expect(speedText(1, 'en')).toBe('1');
    expect(speedText(0.05, 'es')).toBe('0,05');
    expect(speedText(0.001234, 'en')).toBe('0.0012');
    expect(speedText(0.25, 'en')).toBe('0.25');
    expect(speedText(2.5, 'es')).toBe('2,5');
    expect(speedText(1234, 'es')).toBe('1.234');
  });
});
