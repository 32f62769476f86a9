/**
 * How a replay range becomes a clip: the range (run µs) replayed at the
 * reader's speed (× real time, as the replay controls say it), or in teaching
 * time (every event its moment, see renderer/replay/teachingTime) at that
 * speed, at a frame rate. The first frame shows the range's start, the last
 * its end; the clip lasts frames / fps. Pure: the form and the encoders read it.
 */
import type { Lang } from '../../../shared/api';
import { formatNumber } from '../../i18n/format';
import type { TimeWindow } from '../../model/viewport';
import type { TeachingClock } from '../../replay/teachingTime';

export interface VideoPlan {
  /** The replay range, µs of the run. */
  start: number;
  end: number;
  fps: number;
  frames: number;
  /** Length of the clip, µs. */
  durationUs: number;
  /** × real time (or × teaching time): 1 = as it happened, 0.05 = twenty times slower. */
  speed: number;
  /** Teaching time: the clip's time maps to run time through this clock, from `from` to `to` (teaching ms). */
  teaching: { clock: TeachingClock; from: number; to: number } | null;
}

export interface PlanChoice {
  speed: number;
  fps: number;
  /** Teaching time's clock, or null for real time. */
  teaching?: TeachingClock | null;
}

export const VIDEO_FPS = 30;
export const FRAME_RATES = [15, 24, 30, 60] as const;
/** The longest clip the form lets one make: 10 min. */
export const MAX_CLIP_US = 10 * 60 * 1_000_000;

/** The clip's length before it is cut into frames, µs. */
export function clipSpanUs(range: TimeWindow, choice: PlanChoice): number {
  const clock = choice.teaching;
  const run = clock ? (clock.toTeaching(range.end) - clock.toTeaching(range.start)) * 1_000 : range.end - range.start;
  return Math.max(0, run) / choice.speed;
}

export function videoPlan(range: TimeWindow, choice: PlanChoice): VideoPlan {
  const start = Math.max(0, range.start);
  const end = Math.max(range.end, start + 1);
  const { speed, fps } = choice;
  const frames = Math.max(2, Math.round((clipSpanUs({ start, end }, choice) / 1_000_000) * fps));
  const clock = choice.teaching ?? null;
  return {
    start,
    end,
    fps,
    frames,
    durationUs: (frames * 1_000_000) / fps,
    speed,
    teaching: clock ? { clock, from: clock.toTeaching(start), to: clock.toTeaching(end) } : null,
  };
}

/** The run time a frame shows: the first frame the range's start, the last its end. */
export function cursorAtFrame(plan: VideoPlan, frame: number): number {
  const f = frame / (plan.frames - 1);
  if (plan.teaching) {
    const { clock, from, to } = plan.teaching;
    return Math.min(plan.end, Math.max(plan.start, clock.toRun(from + (to - from) * f)));
  }
  return plan.start + (plan.end - plan.start) * f;
}

/** The frame's presentation time in the clip, µs. */
export function frameTimestamp(plan: VideoPlan, frame: number): number {
  return Math.round((frame * 1_000_000) / plan.fps);
}

/** "1", "0.25", "0.05", "0.0012", "4.5": two significant digits below 1. */
export function speedText(speed: number, lang: Lang): string {
  if (speed >= 10) return formatNumber(Math.round(speed), lang);
  if (speed >= 1) return formatNumber(Math.round(speed * 10) / 10, lang, Number.isInteger(Math.round(speed * 10) / 10) ? 0 : 1);
  const rounded = Number(speed.toPrecision(2));
  let decimals = 0;
  while (decimals < 8 && Math.abs(Math.round(rounded * 10 ** decimals) / 10 ** decimals - rounded) > rounded * 1e-9) decimals++;
  return formatNumber(rounded, lang, decimals);
}
