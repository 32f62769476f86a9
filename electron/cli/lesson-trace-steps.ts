/**
 * A demo's narration as trace steps: each step the run reached, numbered, at
 * the moment it was reached (global instants in Perfetto). Narration is
 * optional: a demo without narration.json, or one that does not read, gives none.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { narrate, type NarrationStep as LessonStep } from '../../shared/narration';
import type { NarrationStep as TraceStep } from '../../shared/trace';

export async function demoTraceSteps(demosDir: string, demoId: string, log: readonly LabEvent[], lang: Lang): Promise<TraceStep[]> {
  let steps: LessonStep[];
  try {
    steps = JSON.parse(await fs.readFile(path.join(demosDir, demoId, 'narration.json'), 'utf8')) as LessonStep[];
    if (!Array.isArray(steps)) return [];
  } catch {
    return [];
  }
  const end = log.reduce((max, e) => Math.max(max, e.t), 0);
  return narrate(steps, log, end, lang)
    .filter((line) => line.reached && line.t !== null)
    .map((line) => ({ t: line.t!, text: `${line.n}. ${line.text}` }));
}
