import { describe, expect, it } from 'vitest';
import { cursorAtFrame, frameTimestamp, speedText, videoPlan } from './videoPlan';

describe('a replay range as a clip', () => {
  it('plays a few seconds of run at real speed, 30 frames a second, first frame at the start and last at the end', () => {
    const plan = videoPlan({ start: 1_000_000, end: 5_000_000 });
    expect(plan.speed).toBe(1);
    expect(plan.frames).toBe(120);
    expect(cursorAtFrame(plan, 0)).toBe(1_000_000);
    expect(cursorAtFrame(plan, plan.frames - 1)).toBe(5_000_000);
    expect(frameTimestamp(plan, 30)).toBe(1_000_000);
  });

  it('slows down a run of milliseconds to last 3 s or more, and speeds up a long one to last 20 s or less, at round speeds', () => {
    expect(videoPlan({ start: 0, end: 30_000 })).toMatchObject({ durationUs: 3_000_000, speed: 0.01, frames: 90 });
    expect(videoPlan({ start: 0, end: 2_600_000 })).toMatchObject({ durationUs: 5_200_000, speed: 0.5, frames: 156 });
    expect(videoPlan({ start: 0, end: 420 })).toMatchObject({ speed: 0.0001, frames: 126 });
    expect(videoPlan({ start: 0, end: 100_000_000 })).toMatchObject({ durationUs: 20_000_000, speed: 5, frames: 600 });
    expect(videoPlan({ start: 0, end: 130_000_000 }).speed).toBe(10);
  });

  it('writes the speed the way a reader says it', () => {
    expect(speedText(1, 'en')).toBe('1');
    expect(speedText(0.01, 'es')).toBe('0,01');
    expect(speedText(0.001234, 'en')).toBe('0.0012');
    expect(speedText(0.25, 'en')).toBe('0.25');
    expect(speedText(2.5, 'es')).toBe('2,5');
    expect(speedText(1234, 'es')).toBe('1.234');
  });
});
