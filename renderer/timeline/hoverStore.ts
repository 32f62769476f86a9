import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TimelineHit } from './hitTest';

/** What the pointer is over, and where (px inside the timeline section): feeds the tooltip only. */
export interface Hover {
  hit: TimelineHit;
  t: number;
  x: number;
  y: number;
  /** Near the right edge: show the tooltip on the pointer's left. */
  flip: boolean;
}

export type HoverStore = StoreApi<{ hover: Hover | null }>;

export function createHoverStore(): HoverStore {
  return createStore<{ hover: Hover | null }>()(() => ({ hover: null }));
}
