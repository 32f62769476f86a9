import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

const MAX_INTERVAL_MS = 2_560;

/**
 * An update interval for a panel that folds the whole log when it renders (its
 * cost grows with the log): `baseMs`, doubled while its render + commit (from
 * this component's render to its layout effect, smoothed) would take more than
 * `share` of the main thread, halved again only when it would take less than
 * a quarter of that. Only renders for a new `key.current` (set it to the
 * log's version while rendering) are measured: re-renders that change nothing cost nothing. A million-event flood
 * then updates the code panel every second or two instead of taking frames
 * from the timeline. A render done as a transition is measured from its start to its commit,
 * with the frames it yielded to: one that needs several slices counts as costlier than its own
 * work, and so comes less often — what a busy page needs; a small run's render fits in one slice.
 */
export function useRenderCost(baseMs: number, share: number): { interval: number; key: RefObject<unknown> } {
  const [interval, setInterval] = useState(baseMs);
  const began = performance.now();
  const cost = useRef(0);
  const key = useRef<unknown>(undefined);
  const measured = useRef<unknown>(undefined);
  useLayoutEffect(() => {
    if (key.current === measured.current) return;
    measured.current = key.current;
    const spent = performance.now() - began;
    cost.current = cost.current === 0 ? spent : cost.current * 0.6 + spent * 0.4;
    let wanted = interval;
    while (wanted < MAX_INTERVAL_MS && cost.current > wanted * share) wanted *= 2;
    while (wanted > baseMs && cost.current < (wanted / 2) * share * 0.25) wanted /= 2;
    if (wanted !== interval) setInterval(wanted);
  });
  return { interval, key };
}
