import type { NarrationLine } from '../../shared/narration';

/** Reached steps, plus the next one after the last reached (steps skipped on the way are left out). */
export function visibleSteps(lines: readonly NarrationLine[]): NarrationLine[] {
  let last = -1;
  lines.forEach((l, i) => {
    if (l.reached) last = i;
  });
  const next = lines.slice(last + 1).find((l) => !l.reached);
  return lines.filter((l) => l.reached || l === next);
}
