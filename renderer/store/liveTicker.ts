import type { ObraStore } from './obraStore';

/** Two subscribers whose turns fall within this many ms update together, in one React commit. */
const SLACK_MS = 12;

interface Subscriber {
  intervalMs: number;
  last: number;
  dirty: boolean;
  fire(): void;
}

/**
 * Paces the React panels that follow the log (counters, lists, code,
 * narration, stage): each at most every `intervalMs`, all that are due fired
 * from one timer task so React commits them together — a flood of batches
 * costs a few commits a second, not one per panel per batch.
 */
export class LiveTicker {
  private readonly subscribers = new Set<Subscriber>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;

  constructor(store: ObraStore) {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.version === previous.version && state.cursor === previous.cursor) return;
      for (const s of this.subscribers) s.dirty = true;
      this.schedule();
    });
  }

  add(intervalMs: number, fire: () => void): () => void {
    const subscriber: Subscriber = { intervalMs, last: 0, dirty: false, fire };
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  dispose(): void {
    this.unsubscribe();
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const now = performance.now();
    let wait = Infinity;
    for (const s of this.subscribers) if (s.dirty) wait = Math.min(wait, s.last + s.intervalMs - now);
    if (wait === Infinity) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
  }

  private flush(): void {
    this.timer = null;
    const now = performance.now();
    for (const s of this.subscribers) {
      if (!s.dirty || now - s.last < s.intervalMs - SLACK_MS) continue;
      s.dirty = false;
      s.last = now;
      s.fire();
    }
    this.schedule();
  }
}

const tickers = new WeakMap<ObraStore, LiveTicker>();

export function liveTickerOf(store: ObraStore): LiveTicker {
  let ticker = tickers.get(store);
  if (!ticker) {
    ticker = new LiveTicker(store);
    tickers.set(store, ticker);
  }
  return ticker;
}
