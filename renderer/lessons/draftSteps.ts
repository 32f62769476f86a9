/**
 * Author mode's list of steps: a new step goes where its event falls in the
 * run (before the first step told later), and every `after` and `child` that
 * points at a step by its number follows it when numbers shift. A step another
 * one points at is not removed (that one would lose its meaning). Pure.
 */
import type { LabEvent } from '../../shared/events';
import { narrate, type NarrationStep } from '../../shared/narration';

/** Where a step told at `t` goes: before the first step told later (or never told), 0-based. */
export function positionFor(steps: readonly NarrationStep[], log: readonly LabEvent[], t: number): number {
  const lines = narrate(steps, log, Number.POSITIVE_INFINITY, 'en');
  // narrate() numbers only the steps of this run's platform: find each step's own line by order.
  const told = stepTimes(steps, lines.map((l) => l.t), log);
  const at = told.findIndex((time) => time === null || time > t);
  return at === -1 ? steps.length : at;
}

/** `steps` with `step` at `index` (0-based), references to later steps renumbered. */
export function insertStep(steps: readonly NarrationStep[], step: NarrationStep, index: number): NarrationStep[] {
  const shift = (k: number | undefined): number | undefined => (k !== undefined && k > index ? k + 1 : k);
  const moved = steps.map((s) => renumber(s, shift));
  return [...moved.slice(0, index), step, ...moved.slice(index)];
}

/** `steps` without the one at `index`; the 1-based number of a step pointing at it, if one does (then nothing is removed). */
export function removeStep(steps: readonly NarrationStep[], index: number): { steps: NarrationStep[]; referencedBy: number | null } {
  const n = index + 1;
  const by = steps.findIndex((s) => s.after === n || s.on.child === n || s.tally?.child === n);
  if (by !== -1) return { steps: [...steps], referencedBy: by + 1 };
  const shift = (k: number | undefined): number | undefined => (k !== undefined && k > n ? k - 1 : k);
  return { steps: steps.filter((_, i) => i !== index).map((s) => renumber(s, shift)), referencedBy: null };
}

function renumber(step: NarrationStep, shift: (k: number | undefined) => number | undefined): NarrationStep {
  const out: NarrationStep = { ...step, on: { ...step.on } };
  if (step.after !== undefined) out.after = shift(step.after);
  if (step.on.child !== undefined) out.on.child = shift(step.on.child);
  if (step.tally?.child !== undefined) out.tally = { ...step.tally, child: shift(step.tally.child) };
  return out;
}

/** Each step's time (null when not told), the steps of other platforms left untold. */
function stepTimes(steps: readonly NarrationStep[], lineTimes: readonly (number | null)[], log: readonly LabEvent[]): (number | null)[] {
  const start = log.find((e) => e.type === 'run-start');
  const platform = start?.type === 'run-start' ? start.platform : undefined;
  let line = 0;
  return steps.map((s) => {
    const here = !s.platform || platform === undefined || (s.platform.startsWith('!') ? platform !== s.platform.slice(1) : platform === s.platform);
    return here ? (lineTimes[line++] ?? null) : null;
  });
}
