import { describe, expect, it } from 'vitest';
import { TeachingClock } from '../../replay/teachingTime';
import { checkRange, clipLengthText, parseSeconds, presetRange, secondsText, type RangeBounds, type RangeFields } from './videoRange';

/** A run of 2.5 s, the timeline showing 0.4–1.9 s, the playhead at 1.2 s. */
const bounds: RangeBounds = { runEnd: 2_500_000, window: { start: 400_000, end: 1_900_000 }, cursor: 1_200_000 };
const fields = (patch: Partial<RangeFields>): RangeFields => ({ from: '0.500', to: '1.500', speed: 1, teaching: false, fps: 30, ...patch });

describe('the video range’s fields', () => {
  it('read seconds with either decimal mark, an optional "s", and nothing else', () => {
    expect(parseSeconds('1.25')).toBe(1_250_000);
    expect(parseSeconds(' 1,250 ')).toBe(1_250_000);
    expect(parseSeconds('0.003 s')).toBe(3_000);
    expect(parseSeconds('.5')).toBe(500_000);
    expect(parseSeconds('2')).toBe(2_000_000);
    for (const bad of ['', '-1', 'abc', '1.2.3', '1,2,3', '1e3', '1 000']) expect(parseSeconds(bad), bad).toBeNull();
  });

  it('write seconds with ms in the reader’s decimal mark', () => {
    expect(secondsText(1_234_567, 'en')).toBe('1.235');
    expect(secondsText(1_234_567, 'es')).toBe('1,235');
    expect(secondsText(0, 'es')).toBe('0,000');
    expect(parseSeconds(secondsText(2_500_000, 'es'))).toBe(2_500_000);
  });
});

describe('the video range’s presets', () => {
  it('take the visible window, the whole run, or the playhead to the end, inside the run', () => {
    expect(presetRange('window', bounds)).toEqual({ start: 400_000, end: 1_900_000 });
    expect(presetRange('run', bounds)).toEqual({ start: 0, end: 2_500_000 });
    expect(presetRange('playhead', bounds)).toEqual({ start: 1_200_000, end: 2_500_000 });
  });

  it('cut a window that runs past the end (the timeline keeps air on the right) to the run', () => {
    expect(presetRange('window', { ...bounds, window: { start: 0, end: 2_600_000 } })).toEqual({ start: 0, end: 2_500_000 });
  });
});

describe('checking the video range', () => {
  it('plans a 1 s range at 1× as 30 frames, and at 2× as 15', () => {
    const one = checkRange(fields({}), bounds, null);
    expect(one).toMatchObject({ ok: true, plan: { start: 500_000, end: 1_500_000, frames: 30, durationUs: 1_000_000 } });
    expect(checkRange(fields({ speed: 2 }), bounds, null)).toMatchObject({ ok: true, plan: { frames: 15, durationUs: 500_000 } });
  });

  it('says which field it cannot read', () => {
    expect(checkRange(fields({ from: 'soon' }), bounds, null)).toEqual({ ok: false, problem: { kind: 'unreadable', field: 'from' } });
    expect(checkRange(fields({ to: '' }), bounds, null)).toEqual({ ok: false, problem: { kind: 'unreadable', field: 'to' } });
  });

  it('wants From before To', () => {
    expect(checkRange(fields({ from: '1.5', to: '0.5' }), bounds, null)).toEqual({ ok: false, problem: { kind: 'order' } });
    expect(checkRange(fields({ from: '1.5', to: '1.5' }), bounds, null)).toEqual({ ok: false, problem: { kind: 'order' } });
  });

  it('wants the range inside the run, forgiving the end written to the ms', () => {
    expect(checkRange(fields({ to: '2.6' }), bounds, null)).toEqual({ ok: false, problem: { kind: 'outside', runEnd: 2_500_000 } });
    const runEnd = 2_500_400;
    expect(checkRange(fields({ to: '2.501' }), { ...bounds, runEnd }, null)).toMatchObject({ ok: true, plan: { end: runEnd } });
    expect(checkRange(fields({ to: '2.502' }), { ...bounds, runEnd }, null)).toMatchObject({ ok: false, problem: { kind: 'outside' } });
  });

  it('refuses a clip longer than 10 min, and says how long it would be', () => {
    const long = { ...bounds, runEnd: 60_000_000 };
    expect(checkRange(fields({ from: '0', to: '30', speed: 0.05 }), long, null)).toMatchObject({ ok: true, plan: { frames: 18_000 } });
    expect(checkRange(fields({ from: '0', to: '31', speed: 0.05 }), long, null)).toEqual({
      ok: false,
      problem: { kind: 'tooLong', durationUs: 620_000_000, maxUs: 600_000_000 },
    });
  });

  it('in teaching time, plans by the events’ moments rather than the run’s microseconds', () => {
    const clock = new TeachingClock([0, 600_000, 600_010, 600_020, 1_400_000]);
    const real = checkRange(fields({}), bounds, clock);
    const taught = checkRange(fields({ teaching: true }), bounds, clock);
    expect(real.ok && taught.ok).toBe(true);
    if (!real.ok || !taught.ok) return;
    expect(taught.plan.teaching).not.toBeNull();
    expect(taught.plan.frames).not.toBe(real.plan.frames);
    expect(taught.plan.durationUs).toBeGreaterThan(1_500_000);
  });
});

describe('a clip’s length', () => {
  it('reads in seconds, then minutes', () => {
    expect(clipLengthText(500_000, 'en')).toBe('0.50 s');
    expect(clipLengthText(12_345_000, 'es')).toBe('12,3 s');
    expect(clipLengthText(125_000_000, 'en')).toBe('2 min 05 s');
  });
});
