/**
 * The page's one animation-frame loop, with a fixed order inside every frame
 * (after Perfetto's RafScheduler, ui/src/core/raf_scheduler.ts): first every
 * `update` turn — what changes state: the replay clock moves the playhead, the
 * live ticker hands the panels the grown log — then every `draw` turn — what
 * paints state: the timeline's canvas, the stage taking the log. A draw shows
 * the updates of its own frame, never those of the frame before, whichever
 * part of the page asked first.
 *
 * A draw asked for during a frame's updates runs in that frame; any other turn
 * asked for while a frame runs waits for the next one (a turn that asks again
 * runs once a frame, not in a loop). A turn asked for twice before it runs
 * runs once. A turn that throws does not stop the others: its error is
 * reported, the frame goes on.
 */
export type FramePhase = 'update' | 'draw';

/** A turn gets the frame's time (performance.now()'s clock, as requestAnimationFrame gives it). */
export type FrameTurn = (now: number) => void;

/** Where frames come from: the browser's requestAnimationFrame, or a test's own clock. */
export interface FrameSource {
  request(frame: (now: number) => void): void;
}

export class FrameScheduler {
  private readonly waiting: Record<FramePhase, Set<FrameTurn>> = { update: new Set(), draw: new Set() };
  /** The turns of the phase being run (a turn taken back before its go is skipped). */
  private running: { phase: FramePhase; turns: Set<FrameTurn> } | null = null;
  /** A frame is asked for and has not run yet. */
  private asked = false;
  private inFrame = false;

  constructor(private readonly source: FrameSource) {}

  /** Run `turn` once, in `phase` of the coming frame. Returns a function that takes it back. */
  request(phase: FramePhase, turn: FrameTurn): () => void {
    this.waiting[phase].add(turn);
    if (!this.inFrame) this.askForFrame();
    return () => {
      this.waiting[phase].delete(turn);
      if (this.running?.phase === phase) this.running.turns.delete(turn);
    };
  }

  private runFrame(now: number): void {
    this.asked = false;
    this.inFrame = true;
    this.runPhase('update', now);
    this.runPhase('draw', now);
    this.running = null;
    this.inFrame = false;
    if (this.waiting.update.size + this.waiting.draw.size > 0) this.askForFrame();
  }

  private askForFrame(): void {
    if (this.asked) return;
    this.asked = true;
    this.source.request((now) => this.runFrame(now));
  }

  /** The phase's turns as they stand now; what they ask for in their own phase waits for the next frame. */
  private runPhase(phase: FramePhase, now: number): void {
    const turns = this.waiting[phase];
    this.waiting[phase] = new Set();
    this.running = { phase, turns };
    for (const turn of turns) {
      turns.delete(turn);
      try {
        turn(now);
      } catch (error) {
        reportLater(error);
      }
    }
  }
}

/** An error of one turn, thrown on its own task: seen in the console (and by window.onerror) without stopping the frame. */
function reportLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}

/** The browser's frames. Asked for only when a turn is requested, so importing this outside a page costs nothing. */
const browserFrames: FrameSource = {
  request: (frame) => {
    requestAnimationFrame(frame);
  },
};

/** The page's scheduler: every animation-frame turn of the renderer goes through it. */
export const frames = new FrameScheduler(browserFrames);
