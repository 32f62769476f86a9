import type { ObraStore } from '../store/obraStore';

/**
 * The replay clock's driver: while `playing`, each animation frame advances
 * the playhead by the wall time since the last frame (the slice applies speed
 * and teaching time). Stage, timeline, code and narration follow the cursor
 * exactly as they do live. Returns a function that stops it.
 */
export function startPlaybackDriver(store: ObraStore): () => void {
  let frame = 0;
  let last = 0;
  const onFrame = (now: number): void => {
    frame = 0;
    const state = store.getState();
    if (!state.playing) return;
    // A frame later than 100 ms (a hidden tab) does not jump the playhead. The first frame's
    // time can be earlier than the moment play was pressed: that is no step back.
    state.advance(Math.max(0, Math.min(now - last, 100)));
    last = now;
    if (store.getState().playing) frame = requestAnimationFrame(onFrame);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.playing && !previous.playing && !frame) {
      last = performance.now();
      frame = requestAnimationFrame(onFrame);
    }
  });
  return () => {
    unsubscribe();
    if (frame) cancelAnimationFrame(frame);
  };
}
