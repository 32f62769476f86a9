/**
 * Predict, then see: where the replay must stop to ask. A question step asks
 * before its event happens, so a playhead moving forward across that event's
 * time stops just before it (the class sees the stage as it was), and the
 * answer is shown by moving on to the event itself. Pure: the lesson's lines
 * at the run's end and two playhead positions give the question to ask.
 */
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { narrate, type NarrationLine } from '../../shared/narration';
import type { OpenLesson } from '../store/obraState';
import { logOf } from './lessonScripts';

export interface AskedQuestion {
  /** The step's number, as the narration shows it. */
  n: number;
  /** When its event happened (µs): the answer is there, the question just before. */
  t: number;
}

/** The first question whose event lies after `from` and at or before `to` (a forward move), else null. */
export function questionCrossed(lines: readonly NarrationLine[], from: number, to: number): AskedQuestion | null {
  if (to <= from) return null;
  let first: AskedQuestion | null = null;
  for (const line of lines) {
    if (!line.question || line.t === null || line.t <= from || line.t > to) continue;
    if (!first || line.t < first.t) first = { n: line.n, t: line.t };
  }
  return first;
}

/** The playhead just before an event: the last moment the class has not seen it. */
export function justBefore(t: number): number {
  return Math.max(0, t - 1);
}

let memo: { lesson: OpenLesson; log: readonly LabEvent[]; version: number; lang: Lang; lines: NarrationLine[] } | null = null;

/** The lesson's lines at the end of the shown run (where every reached question's event is), once per (lesson, run, version). */
export function linesAtEnd(lesson: OpenLesson | null, log: readonly LabEvent[], version: number, lang: Lang): NarrationLine[] {
  if (!lesson || !lesson.steps.some((s) => s.question)) return [];
  if (memo && memo.lesson === lesson && memo.log === log && memo.version === version && memo.lang === lang) return memo.lines;
  const lines = narrate(lesson.steps, logOf(lesson, log), Number.POSITIVE_INFINITY, lang);
  memo = { lesson, log, version, lang, lines };
  return lines;
}
