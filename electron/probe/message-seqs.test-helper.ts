import { expect } from 'vitest';
import type { IpcMessageEvent } from '../../shared/events';

/** seq → the record that covers it (a flood's sum covers firstSeq..lastSeq); fails on a seq covered twice. */
export function bySeq(records: IpcMessageEvent[]): Map<number, IpcMessageEvent> {
  const map = new Map<number, IpcMessageEvent>();
  for (const r of records) {
    const first = r.firstSeq ?? r.seq;
    const last = r.lastSeq ?? r.seq;
    expect(last - first + 1).toBe(r.count ?? 1);
    for (let s = first; s <= last; s++) {
      expect(map.has(s), `seq ${s} reported twice`).toBe(false);
      map.set(s, r);
    }
  }
  return map;
}

/** 1…n */
export const seqs = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
