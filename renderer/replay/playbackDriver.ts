import { frames as pageFrames, type FrameScheduler } from '../frames/frameScheduler';
import type { ObraStore } from '../store/obraStore';

/**
 * The replay clock's driver: while `playing`, each frame's update turn
 * advances the playhead by the time since the last frame (the slice applies
 * speed and teaching time), before that frame draws the stage and the
 * timeline. Stage, timeline, code and narration follow the cursor exactly as
 * they do live. Returns a function that stops it.
 */
export function startPlaybackDriver(store: ObraStore, frames: FrameScheduler = pageFrames): () => void {
  let takeBack: (() => void) | null = null;
  let last = 0;
  const tick = (now: number): void => {
    takeBack = null;
    const state = store.getState();
    if (!state.playing) return;
    // A frame later than 100 ms (a hidden tab) does not jump the playhead. The first frame's
    // time can be earlier than the moment play was pressed: that is no step back.
    state.advance(Math.max(0, Math.min(now - last, 100)));
    last = now;
    if (store.getState().playing) takeBack = frames.request('update', tick);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.playing && !previous.playing && !takeBack) {
      last = performance.now();
      takeBack = frames.request('update', tick);
    }
  });
  return () => {
    unsubscribe();
    takeBack?.();
  };
}
