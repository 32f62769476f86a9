/**
 * The run as Chrome trace JSON (shared/trace.ts) for Perfetto, with the
 * lesson's narration steps — told with this run's numbers, in the reader's
 * language — as global instants where the run reached them.
 */
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { narrate } from '../../shared/narration';
import { toChromeTrace, type ChromeTrace, type NarrationMark } from '../../shared/trace';
import { logOf } from '../lessons/lessonScripts';
import type { OpenLesson } from '../store/obraState';

/** The steps the run reached, each at the time its event happened. */
export function narrationInstants(lesson: OpenLesson | null, log: readonly LabEvent[], lang: Lang): NarrationMark[] {
  if (!lesson) return [];
  return narrate(lesson.steps, logOf(lesson, log), Number.POSITIVE_INFINITY, lang)
    .filter((line) => line.reached && line.t !== null)
    .map((line) => ({ t: line.t as number, text: `${line.n}. ${line.text}` }));
}

export function runTrace(lesson: OpenLesson | null, log: readonly LabEvent[], lang: Lang): ChromeTrace {
  return toChromeTrace(log, { steps: narrationInstants(lesson, log, lang) });
}

export function traceBlob(trace: ChromeTrace): Blob {
  return new Blob([JSON.stringify(trace)], { type: 'application/json' });
}
