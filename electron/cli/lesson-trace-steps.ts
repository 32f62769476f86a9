/**
 * A lesson's narration as trace steps: each step the run reached, numbered,
 * at the moment it was reached (global instants in Perfetto).
 */
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { narrate, type NarrationStep as LessonStep } from '../../shared/narration';
import type { NarrationMark } from '../../shared/trace';

export function lessonTraceSteps(steps: readonly LessonStep[], log: readonly LabEvent[], lang: Lang): NarrationMark[] {
  const end = log.reduce((max, e) => Math.max(max, e.t), 0);
  return narrate(steps, log, end, lang)
    .filter((line) => line.reached && line.t !== null)
    .map((line) => ({ t: line.t!, text: `${line.n}. ${line.text}` }));
}
