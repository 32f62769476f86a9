/**
 * The narration of the lesson on screen (the store's `lesson`: a demo of the
 * catalogue or a folder the reader opened, both read by shared/lesson.ts),
 * and a memo so the code panel and the narration panel share one evaluation
 * per frame.
 */
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { narrate, type NarrationLine } from '../../shared/narration';
import type { OpenLesson } from '../store/obraState';

const NO_EVENTS: readonly LabEvent[] = [];

/**
 * The log, if it is a run of this lesson (or of a script, for no lesson); an
 * empty log when the picker already shows another demo than the run on screen.
 */
export function logOf(lesson: OpenLesson | null, log: readonly LabEvent[]): readonly LabEvent[] {
  const start = log.find((e) => e.type === 'run-start');
  const ranDemo = start && start.type === 'run-start' ? (start.demoId ?? null) : null;
  return start && ranDemo !== (lesson?.demoId ?? null) ? NO_EVENTS : log;
}

let memo: { lesson: OpenLesson; log: readonly LabEvent[]; version: number; cursor: number; lang: Lang; lines: NarrationLine[] } | null = null;

/** narrate() for the shown run, computed once per (lesson, run, version, cursor, language); null without narration. */
export function tell(lesson: OpenLesson | null, log: readonly LabEvent[], version: number, cursor: number, lang: Lang): NarrationLine[] | null {
  if (!lesson || lesson.steps.length === 0) return null;
  if (memo && memo.lesson === lesson && memo.log === log && memo.version === version && memo.cursor === cursor && memo.lang === lang) return memo.lines;
  const lines = narrate(lesson.steps, logOf(lesson, log), cursor, lang);
  memo = { lesson, log, version, cursor, lang, lines };
  return lines;
}
