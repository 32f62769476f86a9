/**
 * The narration of the lesson on screen (the store's `lesson`: a demo of the
 * catalogue or a folder the reader opened, both read by shared/lesson.ts),
 * and a memo so the code panel and the narration panel share one evaluation
 * per frame.
 */
import type { DemoSource, Lang } from '../../shared/api';
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

const NOTHING_CHANGED: readonly DemoSource[] = [];

let memo: { lesson: OpenLesson; log: readonly LabEvent[]; version: number; cursor: number; lang: Lang; changed: readonly DemoSource[]; lines: NarrationLine[] } | null = null;

/**
 * narrate() for the shown run, computed once per (lesson, run, version, cursor, language, code);
 * null without narration. `changed`: the files the run ran with that differ
 * from the lesson's. A step that talks about code no longer in its file (its
 * `code` anchor is gone) stays quiet rather than wrong.
 */
export function tell(lesson: OpenLesson | null, log: readonly LabEvent[], version: number, cursor: number, lang: Lang, changed: readonly DemoSource[] = NOTHING_CHANGED): NarrationLine[] | null {
  if (!lesson || lesson.steps.length === 0) return null;
  if (memo && memo.lesson === lesson && memo.log === log && memo.version === version && memo.cursor === cursor && memo.lang === lang && memo.changed === changed) return memo.lines;
  const told = narrate(lesson.steps, logOf(lesson, log), cursor, lang);
  const lines = changed.length === 0 ? told : renumber(told.filter((line) => stillBound(line, changed)));
  memo = { lesson, log, version, cursor, lang, changed, lines };
  return lines;
}

/** A step's code is still where it says, in the file as it ran (or the step names no code, or a file that did not change). */
function stillBound(line: NarrationLine, changed: readonly DemoSource[]): boolean {
  if (!line.code) return true;
  const file = changed.find((f) => f.path === line.code?.file);
  return !file || file.text.includes(line.code.text);
}

function renumber(lines: NarrationLine[]): NarrationLine[] {
  return lines.map((line, i) => (line.n === i + 1 ? line : { ...line, n: i + 1 }));
}
