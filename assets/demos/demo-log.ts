/**
 * Helpers for the demos' tests: run a demo through the real lab and read its
 * log the way a lesson does (the boss's printed lines, the narration).
 */
import { Lab } from '../../electron/lab/index';
import { DemoCatalogue } from '../../electron/lab/demo-catalogue';
import type { LabEvent, LabEventType, RunEndEvent } from '../../shared/events';
import { narrate, type NarrationLine, type NarrationStep } from '../../shared/narration';

export const DEMOS_DIR = __dirname;

export interface DemoRun {
  id: string;
  log: readonly LabEvent[];
  end: RunEndEvent;
  /** Wall-clock time from startRun to run-end, as `obra record` would take. */
  ms: number;
}

/** Runs demo `id` to its end through the lab (no stop, no deadline but the lab's). */
export async function recordDemo(lab: Lab, id: string): Promise<DemoRun> {
  const started = Date.now();
  const { runId } = await lab.startRun({ demoId: id });
  const end = await lab.ended(runId);
  return { id, log: lab.log(runId), end, ms: Date.now() - started };
}

/** The events of one type (`LabEvent & { type: T }` also narrows stdout/stderr and exit/close, which share an interface). */
export function ofType<T extends LabEventType>(log: readonly LabEvent[], type: T): (LabEvent & { type: T })[] {
  return log.filter((e): e is LabEvent & { type: T } => e.type === type);
}

export function bossPid(log: readonly LabEvent[]): number {
  const start = log.find((e) => e.type === 'run-start');
  if (!start || start.pid === null) throw new Error('the log has no run-start with a pid');
  return start.pid;
}

/** The lines the boss printed, from its stdout previews (newlines are escaped as `\n` there). */
export function bossLines(log: readonly LabEvent[]): string[] {
  const text = ofType(log, 'stdout')
    .filter((e) => e.childId === 'boss')
    .map((e) => e.preview)
    .join('');
  return text.split('\\n').filter((line) => line !== '');
}

/** The first boss line matching `re`, with its groups; throws with the boss's lines when none does. */
export function bossLine(log: readonly LabEvent[], re: RegExp): RegExpExecArray {
  const lines = bossLines(log);
  for (const line of lines) {
    const found = re.exec(line);
    if (found) return found;
  }
  throw new Error(`no boss line matches ${re}; the boss printed:\n${lines.join('\n')}`);
}

/** The demo's steps, read the way the lab, the CLI and the app read every lesson (shared/lesson.ts). */
export async function narrationOf(id: string): Promise<NarrationStep[]> {
  return (await new DemoCatalogue(DEMOS_DIR).lesson(id)).steps;
}

/** The demo's narration at the end of the run, in both languages. */
export async function toldAtEnd(run: DemoRun): Promise<Record<'es' | 'en', NarrationLine[]>> {
  const steps = await narrationOf(run.id);
  return { es: narrate(steps, run.log, Infinity, 'es'), en: narrate(steps, run.log, Infinity, 'en') };
}

import { isAlive } from '../../tests/fixtures/proc';
export { isAlive };

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
