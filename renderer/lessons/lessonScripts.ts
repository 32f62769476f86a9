/**
 * The narration of each demo, bundled with the renderer (the same JSON files
 * the headless tests read from assets/demos/<id>/narration.json), and a
 * memo so the code panel and the narration panel share one evaluation per frame.
 */
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { narrate, parseNarration, type NarrationLine, type NarrationStep } from '../../shared/narration';
import allCores from '../../assets/demos/all-cores/narration.json';
import blocking from '../../assets/demos/blocking/narration.json';
import eventLoop from '../../assets/demos/event-loop/narration.json';
import exec from '../../assets/demos/exec/narration.json';
import execfile from '../../assets/demos/execfile/narration.json';
import fork from '../../assets/demos/fork/narration.json';
import kill from '../../assets/demos/kill/narration.json';
import maxbuffer from '../../assets/demos/maxbuffer/narration.json';
import spawn from '../../assets/demos/spawn/narration.json';
import workerThreads from '../../assets/demos/worker-threads/narration.json';
import cluster from '../../assets/demos/cluster/narration.json';
import sync from '../../assets/demos/sync/narration.json';
import pipes from '../../assets/demos/pipes/narration.json';
import injection from '../../assets/demos/injection/narration.json';

const FILES: Record<string, unknown> = {
  'event-loop': eventLoop,
  exec,
  execfile,
  maxbuffer,
  spawn,
  fork,
  blocking,
  'all-cores': allCores,
  kill,
  'worker-threads': workerThreads,
  cluster,
  sync,
  pipes,
  injection,
};

const parsed = new Map<string, NarrationStep[]>();

/** The steps of a demo's lesson; null for a script that is not a demo (or a demo without narration). */
export function stepsOf(demoId: string | null): NarrationStep[] | null {
  if (demoId === null || !(demoId in FILES)) return null;
  let steps = parsed.get(demoId);
  if (!steps) {
    steps = parseNarration(FILES[demoId], `${demoId}/narration.json`);
    parsed.set(demoId, steps);
  }
  return steps;
}

const NO_EVENTS: readonly LabEvent[] = [];

/**
 * The log, if it is a run of this demo (or of a script, for demoId null); an
 * empty log when the picker already shows another demo than the run on screen.
 */
export function logOf(demoId: string | null, log: readonly LabEvent[]): readonly LabEvent[] {
  const start = log.find((e) => e.type === 'run-start');
  const ranDemo = start && start.type === 'run-start' ? (start.demoId ?? null) : null;
  return start && ranDemo !== demoId ? NO_EVENTS : log;
}

let memo: { demoId: string; log: readonly LabEvent[]; version: number; cursor: number; lang: Lang; lines: NarrationLine[] } | null = null;

/** narrate() for the shown run, computed once per (run, version, cursor, language). */
export function tell(demoId: string | null, log: readonly LabEvent[], version: number, cursor: number, lang: Lang): NarrationLine[] | null {
  const steps = stepsOf(demoId);
  if (!steps || demoId === null) return null;
  if (memo && memo.demoId === demoId && memo.log === log && memo.version === version && memo.cursor === cursor && memo.lang === lang) return memo.lines;
  const lines = narrate(steps, logOf(demoId, log), cursor, lang);
  memo = { demoId, log, version, cursor, lang, lines };
  return lines;
}
