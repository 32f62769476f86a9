/**
 * The video form's arithmetic: the range's fields (run time in seconds, to
 * the ms), its presets (the visible window, the whole run, the playhead to
 * the end), and the check that turns what the reader wrote into a plan or
 * says what is wrong with it. Pure: VideoForm shows it, the tests prove it.
 */
import type { Lang } from '../../../shared/api';
import type { TimeWindow } from '../../model/viewport';
import type { TeachingClock } from '../../replay/teachingTime';
import { clipSpanUs, MAX_CLIP_US, videoPlan, type VideoPlan } from './videoPlan';

/** What the range may be: the run's length, the timeline's visible window and the playhead, µs. */
export interface RangeBounds {
  runEnd: number;
  window: TimeWindow;
  cursor: number;
}

export type RangePreset = 'window' | 'run' | 'playhead';
export const RANGE_PRESETS: RangePreset[] = ['window', 'run', 'playhead'];

/** The fields as written. */
export interface RangeFields {
  from: string;
  to: string;
  speed: number;
  teaching: boolean;
  fps: number;
}

export type RangeProblem =
  | { kind: 'unreadable'; field: 'from' | 'to' }
  | { kind: 'order' }
  | { kind: 'outside'; runEnd: number }
  | { kind: 'tooLong'; durationUs: number; maxUs: number };

export type RangeCheck = { ok: true; plan: VideoPlan } | { ok: false; problem: RangeProblem };

/** The fields show ms: a bound written that finely may pass the run's edge by less than 1 ms. */
const FIELD_STEP_US = 1_000;

export function presetRange(preset: RangePreset, b: RangeBounds): TimeWindow {
  const end = Math.max(0, b.runEnd);
  if (preset === 'run') return { start: 0, end };
  if (preset === 'playhead') return { start: Math.min(Math.max(0, b.cursor), end), end };
  return { start: Math.min(Math.max(0, b.window.start), end), end: Math.min(Math.max(0, b.window.end), end) };
}

/** Run time as the fields write it: seconds with ms, the reader's decimal mark, no grouping ("1.250" / "1,250"). */
export function secondsText(us: number, lang: Lang): string {
  const text = (Math.max(0, us) / 1_000_000).toFixed(3);
  return lang === 'es' ? text.replace('.', ',') : text;
}

/** µs from "1.25", "1,25", "0.003 s", ".5"; null when it is not a number of seconds ≥ 0. */
export function parseSeconds(text: string): number | null {
  const plain = text.trim().replace(/\s*s$/i, '').replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(plain)) return null;
  const seconds = Number(plain);
  return Number.isFinite(seconds) ? Math.round(seconds * 1_000_000) : null;
}

/** The plan the fields ask for, or the first thing wrong with them. */
export function checkRange(fields: RangeFields, b: RangeBounds, clock: TeachingClock | null): RangeCheck {
  const from = parseSeconds(fields.from);
  if (from === null) return { ok: false, problem: { kind: 'unreadable', field: 'from' } };
  let to = parseSeconds(fields.to);
  if (to === null) return { ok: false, problem: { kind: 'unreadable', field: 'to' } };
  if (to > b.runEnd && to - b.runEnd < FIELD_STEP_US) to = b.runEnd;
  if (from >= to) return { ok: false, problem: { kind: 'order' } };
  if (to > b.runEnd) return { ok: false, problem: { kind: 'outside', runEnd: b.runEnd } };
  const choice = { speed: fields.speed, fps: fields.fps, teaching: fields.teaching ? clock : null };
  const span = clipSpanUs({ start: from, end: to }, choice);
  if (span > MAX_CLIP_US) return { ok: false, problem: { kind: 'tooLong', durationUs: span, maxUs: MAX_CLIP_US } };
  return { ok: true, plan: videoPlan({ start: from, end: to }, choice) };
}

/** A clip's length as a reader says it: "0.50 s", "12.3 s", "2 min 05 s". */
export function clipLengthText(us: number, lang: Lang): string {
  const seconds = us / 1_000_000;
  const mark = (s: string): string => (lang === 'es' ? s.replace('.', ',') : s);
  if (seconds < 10) return `${mark(seconds.toFixed(2))} s`;
  if (seconds < 60) return `${mark(seconds.toFixed(1))} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
