import type { ObraStore } from './obraStore';

/** Two subscribers whose turns fall within this many ms update together, in one React commit. */
const SLACK_MS = 12;
/** Frames slower than this on average mean the page is behind: panels slow down. */
const BEHIND_MS = 24;
/** Frames this quick mean there is room: panels speed back up. */
const AHEAD_MS = 18;
const MAX_PRESSURE = 16;
/** Frames averaged before the pace changes. */
const SAMPLE_FRAMES = 20;
/** However slow the page, a panel is never more than this far behind the log. */
const MAX_WAIT_MS = 3_000;

interface Subscriber {
  intervalMs: number;
  last: number;
  dirty: boolean;
  fire(): void;
}

/**
 * Paces the React panels that follow the log (stage, counters, lists, code,
 * narration): each at most every `intervalMs` × pressure, all that are due
 * fired from one timer task so React commits them together. Pressure is a
 * closed loop on what the reader sees: while the log grows, a frame monitor
 * doubles it when frames come late (the panels' renders, layout and paint
 * are taking the main thread) and halves it when they are on time again. The
 * timeline's canvas is not paced here: it reads the store every frame.
 * A playhead the reader moves (not a live run following its log) is not
 * paced either: every panel takes the new moment at once, so the stage, the
 * narration, the code mark, the readout and the timeline never disagree.
 */
export class LiveTicker {
  private readonly subscribers = new Set<Subscriber>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;
  private pressure = 1;
  private monitor = 0;
  private lastFrame = 0;
  private lastChange = 0;
  private frameSum = 0;
  private frameCount = 0;

  constructor(store: ObraStore) {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.version === previous.version && state.cursor === previous.cursor) return;
      if (state.version === previous.version && !state.followLive) {
        // The reader moved the playhead (a step, a scrub, the replay clock): every panel shows
        // the new moment now, in the same commit — pacing is for a growing log, not for a move.
        this.fireAll();
        return;
      }
      for (const s of this.subscribers) s.dirty = true;
      this.lastChange = performance.now();
      this.watchFrames();
      this.schedule();
    });
  }

  add(intervalMs: number, fire: () => void): () => void {
    const subscriber: Subscriber = { intervalMs, last: -Infinity, dirty: false, fire };
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  dispose(): void {
    this.unsubscribe();
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.monitor) cancelAnimationFrame(this.monitor);
  }

  /** The current slow-down factor (1 = every panel at its own pace). */
  get currentPressure(): number {
    return this.pressure;
  }

  /** A subscriber's interval under the current pressure. */
  private paced(s: Subscriber): number {
    return Math.min(MAX_WAIT_MS, s.intervalMs * this.pressure);
  }

  /** Every panel at once, whatever its pace: one moment on every panel. */
  private fireAll(): void {
    const now = performance.now();
    for (const s of this.subscribers) {
      s.dirty = false;
      s.last = now;
      s.fire();
    }
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const now = performance.now();
    let wait = Infinity;
    for (const s of this.subscribers) if (s.dirty) wait = Math.min(wait, s.last + this.paced(s) - now);
    if (wait === Infinity) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
  }

  private flush(): void {
    this.timer = null;
    const now = performance.now();
    for (const s of this.subscribers) {
      if (!s.dirty || now - s.last < this.paced(s) - SLACK_MS) continue;
      s.dirty = false;
      s.last = now;
      s.fire();
    }
    this.schedule();
  }

  /** Watch frame times while the log keeps changing; stop a second after it settles. */
  private watchFrames(): void {
    if (this.monitor || typeof requestAnimationFrame !== 'function') return;
    this.lastFrame = performance.now();
    const onFrame = (now: number): void => {
      this.frameSum += now - this.lastFrame;
      this.frameCount++;
      this.lastFrame = now;
      if (this.frameCount >= SAMPLE_FRAMES) {
        const mean = this.frameSum / this.frameCount;
        if (mean > BEHIND_MS) this.pressure = Math.min(MAX_PRESSURE, this.pressure * 2);
        else if (mean < AHEAD_MS) this.pressure = Math.max(1, this.pressure / 2);
        this.frameSum = 0;
        this.frameCount = 0;
      }
      if (now - this.lastChange > 1_000) {
        // The log settled: the next change starts again at full pace, and a
        // turn that was put off under pressure comes now, not later.
        this.pressure = 1;
        this.monitor = 0;
        this.frameSum = 0;
        this.frameCount = 0;
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = null;
        this.schedule();
        return;
      }
      this.monitor = requestAnimationFrame(onFrame);
    };
    this.monitor = requestAnimationFrame(onFrame);
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
