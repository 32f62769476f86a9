import { createContext, startTransition, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ObraStore } from './obraStore';
import type { ObraState } from './obraState';
import { liveTickerOf } from './liveTicker';

export const ObraStoreContext = createContext<ObraStore | null>(null);

export function useObraStore(): ObraStore {
  const store = useContext(ObraStoreContext);
  if (!store) throw new Error('useObraStore outside <ObraStoreContext.Provider>');
  return store;
}

/** A slice of state for a component; it re-renders only when the selected value changes. */
export function useObra<T>(selector: (state: ObraState) => T): T {
  return useStore(useObraStore(), selector);
}

/** What panels fed from the log need: the log's version and the playhead. */
export interface LiveView {
  version: number;
  cursor: number;
}

/**
 * The log's version and the playhead, at most every `intervalMs` (see
 * LiveTicker). Batches arrive every frame during a flood; React panels
 * (counters, lists, code, narration) need not re-render that often — the
 * canvas reads the store directly. `deferred`: a live turn renders as a
 * transition, which React renders in slices of a few ms between frames (a panel
 * that folds thousands of new events per turn would otherwise hold the main
 * thread for a long task); a moment every panel must show at once (the reader
 * moved the playhead, the run ended) is rendered at once all the same.
 */
export function useLiveView(intervalMs: number, { deferred = false }: { deferred?: boolean } = {}): LiveView {
  const store = useObraStore();
  const [view, setView] = useState<LiveView>(() => pick(store.getState()));
  useEffect(() => {
    const update = (): void => {
      const next = pick(store.getState());
      setView((shown) => (shown.version === next.version && shown.cursor === next.cursor ? shown : next));
    };
    update();
    return liveTickerOf(store).add(intervalMs, (paced) => (paced && deferred ? startTransition(update) : update()));
  }, [store, intervalMs, deferred]);
  // Following a live run, the playhead is the log's last moment: a render that comes after the
  // turn (a transition, a parent's render) shows the log as it is by then. Folds made as the log
  // grows (the run's index, the story) then only ever move forward, never start again from an
  // older playhead than the one they reached.
  const now = store.getState();
  return now.followLive && now.cursor > view.cursor ? { version: view.version, cursor: now.cursor } : view;
}

function pick(state: ObraState): LiveView {
  return { version: state.version, cursor: state.cursor };
}
