/**
 * Whether the report channel is still where the probes open it. A process of
 * the run can remove the FIFO, or put another file in its place: processes
 * started after that cannot report (and the probe refuses to write into
 * anything but its own FIFO), so the run must say its log may be missing
 * records, not show "0 sent · 1 received".
 */
import fs from 'node:fs';

/** A check that answers false once the path no longer leads to the same FIFO; null where the address is no path (Windows). */
export function watchChannelPath(address: string): (() => boolean) | null {
  if (process.platform === 'win32') return null;
  let first: fs.Stats;
  try {
    first = fs.statSync(address);
  } catch {
    return null;
  }
  return () => {
    try {
      const now = fs.statSync(address);
      return now.ino === first.ino && now.dev === first.dev;
    } catch {
      return false;
    }
  };
}
