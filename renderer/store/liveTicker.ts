import { frames as pageFrames, type FrameScheduler } from '../frames/frameScheduler';
import type { ObraStore } from './obraStore';

/** A panel due within this many ms fires in this frame, with the others, rather than in the next (a frame is ~16 ms). */
const SLACK_MS = 12;
/** A frame this much after the last missed a vsync (frames come every ~16.7 ms at 60 Hz). */
const LATE_MS = 25;
/** Frames looked at before the pace changes (half a second at 60 Hz). */
const SAMPLE_FRAMES = 30;
/** More late frames than this in a sample (over 3 %: the page's p95 frame would be late) slow the panels down. */
const LATE_ALLOWED = 1;
/** Samples without a late frame before the panels speed up again (never back and forth every sample). */
const CLEAN_SAMPLES = 2;
const MAX_PRESSURE = 16;
/** However slow the page, a panel is never more than this far behind the log. */
const MAX_WAIT_MS = 3_000;

interface Subscriber {
  intervalMs: number;
  last: number;
  dirty: boolean;
  /** `paced`: a live turn (the log grew), not a moment every panel must show at once. */
  fire(paced: boolean): void;
}

/**
 * Paces the React panels that follow the log (stage, counters, lists, code,
 * narration): each at most every `intervalMs` × pressure, all that are due
 * fired in one frame's update turn (renderer/frames), before that frame's draws
 * — a panel that renders live turns as a transition (useLiveView `deferred`)
 * commits a few frames later, showing the log as it is by then. Pressure is a closed loop on what the
 * reader sees: while the log grows, the same turn doubles it when frames miss
 * their vsync (the panels' renders, layout and paint are taking the main
 * thread) more than once in half a second, and halves it after a second
 * without a late frame — the page's p95 frame is the goal it holds. The timeline's canvas is not paced
 * here: it reads the store and draws in the frame's draw turn.
 * A playhead the reader moves (not a live run following its log) is not
 * paced either, nor the end of a run: every panel takes the new moment at
 * once, so the stage, the narration, the code mark, the readout, the status
 * and the timeline never disagree.
 */
export class LiveTicker {
  private readonly subscribers = new Set<Subscriber>();
  private readonly unsubscribe: () => void;
  /** Takes back the turn waiting for the next frame; null when none waits. */
  private takeBack: (() => void) | null = null;
  private pressure = 1;
  /** The previous frame's time, 0 before the first frame watched. */
  private lastFrame = 0;
  private lastChange = 0;
  private frameCount = 0;
  private lateFrames = 0;
  private cleanSamples = 0;

  constructor(
    store: ObraStore,
    private readonly frames: FrameScheduler = pageFrames,
  ) {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.status === 'ended' && previous.status !== 'ended') {
        // The run ended: no flood left to pace. Every panel shows the whole log now, in the commit
        // whose status line says so — the last step of the narration is not a turn behind "Finished".
        this.fireAll();
        return;
      }
      if (state.followLive !== previous.followLive) {
        // Paused on the live edge, or back to following: one moment on every panel, at once.
        this.fireAll();
        return;
      }
      if (state.version === previous.version && state.cursor === previous.cursor) return;
      if (state.version === previous.version && !state.followLive) {
        // The reader moved the playhead (a step, a scrub, the replay clock): every panel shows
        // the new moment now, in the same commit — pacing is for a growing log, not for a move.
        this.fireAll();
        return;
      }
      for (const s of this.subscribers) s.dirty = true;
      this.lastChange = performance.now();
      this.takeBack ??= this.frames.request('update', this.turn);
    });
  }

  add(intervalMs: number, fire: (paced: boolean) => void): () => void {
    const subscriber: Subscriber = { intervalMs, last: -Infinity, dirty: false, fire };
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  dispose(): void {
    this.unsubscribe();
    this.takeBack?.();
    this.takeBack = null;
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
      s.fire(false);
    }
  }

  /**
   * The ticker's turn in a frame's updates, every frame while the log changes
   * and a second after: the frame is timed, then the panels that are due fire
   * — before the frame draws the stage and the timeline with the same log.
   */
  private readonly turn = (frameTime: number): void => {
    this.takeBack = null;
    const now = performance.now();
    const settled = now - this.lastChange > 1_000;
    if (settled) {
      // The log settled: the next change starts again at full pace, and a
      // turn that was put off under pressure comes now, not later.
      this.pressure = 1;
      this.lastFrame = 0;
      this.frameCount = 0;
      this.lateFrames = 0;
      this.cleanSamples = 0;
    } else this.timeFrame(frameTime);
    let dirty = false;
    for (const s of this.subscribers) {
      if (!s.dirty) continue;
      // Due within SLACK_MS: fired in this frame with the others rather than alone in the next.
      if (now - s.last < this.paced(s) - SLACK_MS) {
        dirty = true;
        continue;
      }
      s.dirty = false;
      s.last = now;
      s.fire(true);
    }
    if (dirty || !settled) this.takeBack = this.frames.request('update', this.turn);
  };

  /** Frame times while the log grows: missed vsyncs double the pressure, a clean second halves it. */
  private timeFrame(frameTime: number): void {
    if (this.lastFrame > 0) {
      if (frameTime - this.lastFrame > LATE_MS) this.lateFrames++;
      this.frameCount++;
    }
    this.lastFrame = frameTime;
    if (this.frameCount < SAMPLE_FRAMES) return;
    if (this.lateFrames > LATE_ALLOWED) {
      this.pressure = Math.min(MAX_PRESSURE, this.pressure * 2);
      this.cleanSamples = 0;
    } else if (this.lateFrames === 0 && ++this.cleanSamples >= CLEAN_SAMPLES) {
      this.pressure = Math.max(1, this.pressure / 2);
      this.cleanSamples = 0;
    }
    this.frameCount = 0;
    this.lateFrames = 0;
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
