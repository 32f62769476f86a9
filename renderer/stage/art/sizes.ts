/** Sizes of the stage's props that flights compute without drawing them. */
import { round } from './round';

/** Side in px for a chunk of `bytes` at unit 1: 1 B → 9 px, 1 KiB → 19 px, 64 KiB → 26 px, 1 MiB → 30 px. */
export function crateSide(bytes: number, unit = 1): number {
  const l = Math.log2(Math.max(1, bytes));
  return round(Math.min(32, Math.max(9, 8 + 1.1 * l)) * unit);
}
