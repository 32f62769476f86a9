/**
 * The run as Chrome trace JSON (shared/trace.ts) for Perfetto, with the
 * demo's narration steps — told with this run's numbers, in the reader's
 * language — as global instants where the run reached them.
 */
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { narrate } from '../../shared/narration';
import { toChromeTrace, type ChromeTrace, type NarrationMark } from '../../shared/trace';
import { logOf, stepsOf } from '../lessons/lessonScripts';

/** The steps the run reached, each at the time its event happened. */
export function narrationInstants(demoId: string | null, log: readonly LabEvent[], lang: Lang): NarrationMark[] {
  const steps = stepsOf(demoId);
  if (!steps) return [];
  return narrate(steps, logOf(demoId, log), Number.POSITIVE_INFINITY, lang)
    .filter((line) => line.reached && line.t !== null)
    .map((line) => ({ t: line.t as number, text: `${line.n}. ${line.text}` }));
}

export function runTrace(demoId: string | null, log: readonly LabEvent[], lang: Lang): ChromeTrace {
  return toChromeTrace(log, { steps: narrationInstants(demoId, log, lang) });
}

export function traceBlob(trace: ChromeTrace): Blob {
  return new Blob([JSON.stringify(trace)], { type: 'application/json' });
}
