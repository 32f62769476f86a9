import type { LabEvent } from '../../shared/events';
import type { NarrationLine } from '../../shared/narration';

/**
 * Reached steps, plus the next one after the last reached (steps skipped on
 * the way are left out) — unless the run is over: then nothing is coming (a
 * one-phase all-cores run never prints the speed-up).
 */
export function visibleSteps(lines: readonly NarrationLine[], runOver = false): NarrationLine[] {
  if (runOver) return lines.filter((l) => l.reached);
  let last = -1;
  lines.forEach((l, i) => {
    if (l.reached) last = i;
  });
  const next = lines.slice(last + 1).find((l) => !l.reached);
  return lines.filter((l) => l.reached || l === next);
}

/** The run has ended at the playhead: its run-end (the log's last event) is at or before `cursor`. */
export function runOverAt(log: readonly LabEvent[], cursor: number): boolean {
  const last = log.at(-1);
  return last?.type === 'run-end' && last.t <= cursor;
}
