/**
 * The narration of each demo, bundled with the renderer (the same JSON files
 * the headless tests read from assets/demos/<id>/narration.json), and a
 * memo so the code panel and the narration panel share one evaluation per frame.
 */
import type { DemoSource, Lang } from '../../shared/api';
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

const NOTHING_CHANGED: readonly DemoSource[] = [];

let memo: { demoId: string; log: readonly LabEvent[]; version: number; cursor: number; lang: Lang; changed: readonly DemoSource[]; lines: NarrationLine[] } | null = null;

/**
 * narrate() for the shown run, computed once per (run, version, cursor, language, code).
 * `changed`: the files the run ran with that differ from the lesson's. A step
 * that talks about code no longer in its file (its `code` anchor is gone)
 * stays quiet rather than wrong.
 */
export function tell(demoId: string | null, log: readonly LabEvent[], version: number, cursor: number, lang: Lang, changed: readonly DemoSource[] = NOTHING_CHANGED): NarrationLine[] | null {
  const steps = stepsOf(demoId);
  if (!steps || demoId === null) return null;
  if (memo && memo.demoId === demoId && memo.log === log && memo.version === version && memo.cursor === cursor && memo.lang === lang && memo.changed === changed) return memo.lines;
  const told = narrate(steps, logOf(demoId, log), cursor, lang);
  const lines = changed.length === 0 ? told : renumber(told.filter((line) => stillBound(line, changed)));
  memo = { demoId, log, version, cursor, lang, changed, lines };
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
