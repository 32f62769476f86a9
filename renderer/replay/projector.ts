import type { ObraStore } from '../store/obraStore';

/**
 * Projector mode on or off. On: ask for full screen (a browser may refuse —
 * without a user gesture, or in a kiosk — and the mode works without it). Off:
 * leave full screen if we are in it.
 */
export function toggleProjector(store: ObraStore): void {
  const on = !store.getState().projector;
  store.getState().setProjector(on);
  try {
    if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  } catch {
    // Full screen refused: projector mode still enlarges everything.
  }
}

/** Leaving full screen with Esc (the browser's own key) leaves projector mode too. */
export function followFullscreenExit(store: ObraStore): () => void {
  let wasFull = false;
  const onChange = (): void => {
    const full = document.fullscreenElement !== null;
    if (wasFull && !full && store.getState().projector) store.getState().setProjector(false);
    wasFull = full;
  };
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}
