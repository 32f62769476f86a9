/**
 * How a replay range becomes a clip: at real speed when that lasts a few
 * seconds, slowed down (microseconds made visible) or sped up otherwise, so
 * a clip lasts between 3 and 20 s — at a round speed (×0.5, ×0.01, ×5) a
 * class can reason with. The picture says the speed.
 */
import type { Lang } from '../../../shared/api';
import { formatNumber } from '../../i18n/format';
import type { TimeWindow } from '../../model/viewport';

export interface VideoPlan {
  /** The replay range, µs of the run. */
  start: number;
  end: number;
  fps: number;
  frames: number;
  /** Length of the clip, µs. */
  durationUs: number;
  /** Run time per clip time: 1 = real time, 0.01 = a hundred times slower. */
  speed: number;
}

export const VIDEO_FPS = 30;
const MIN_CLIP_US = 3_000_000;
const MAX_CLIP_US = 20_000_000;

export function videoPlan(range: TimeWindow, fps = VIDEO_FPS): VideoPlan {
  const start = Math.max(0, range.start);
  const end = Math.max(range.end, start + 1);
  const runUs = end - start;
  let speed = 1;
  if (runUs < MIN_CLIP_US) speed = roundSpeed(runUs / MIN_CLIP_US, 'down');
  else if (runUs > MAX_CLIP_US) speed = roundSpeed(runUs / MAX_CLIP_US, 'up');
  const frames = Math.max(2, Math.round((runUs / speed / 1_000_000) * fps));
  return { start, end, fps, frames, durationUs: (frames * 1_000_000) / fps, speed };
}

/** The nearest 1, 2 or 5 × 10^k below (or above) `speed`. */
export function roundSpeed(speed: number, direction: 'down' | 'up'): number {
  const power = 10 ** Math.floor(Math.log10(speed));
  const steps = [1, 2, 5, 10].map((f) => f * power);
  const pick = direction === 'down' ? steps.filter((s) => s <= speed * (1 + 1e-9)).pop() : steps.find((s) => s >= speed * (1 - 1e-9));
  return Number((pick ?? power).toPrecision(6));
}

/** The run time a frame shows: the first frame the range's start, the last its end. */
export function cursorAtFrame(plan: VideoPlan, frame: number): number {
  return plan.start + ((plan.end - plan.start) * frame) / (plan.frames - 1);
}

/** The frame's presentation time in the clip, µs. */
export function frameTimestamp(plan: VideoPlan, frame: number): number {
  return Math.round((frame * 1_000_000) / plan.fps);
}

/** "1", "0.25", "0.01", "0.0012", "4.5": two significant digits below 1. */
export function speedText(speed: number, lang: Lang): string {
  if (speed >= 10) return formatNumber(Math.round(speed), lang);
  if (speed >= 1) return formatNumber(Math.round(speed * 10) / 10, lang, Number.isInteger(Math.round(speed * 10) / 10) ? 0 : 1);
  const rounded = Number(speed.toPrecision(2));
  let decimals = 0;
  while (decimals < 8 && Math.abs(Math.round(rounded * 10 ** decimals) / 10 ** decimals - rounded) > rounded * 1e-9) decimals++;
  return formatNumber(rounded, lang, decimals);
}
