/**
 * Failures raised where no store is at hand — a native save started by an
 * export button, a native "Open recording" — on their way to the notice
 * banner, which adds them to the store's notices with their code (EACCES,
 * ENOSPC, ERR_OBRA_TOO_LARGE…). Held until the banner listens.
 */
type FailureListener = (error: unknown) => void;

const listeners = new Set<FailureListener>();
const held: unknown[] = [];

/** Tell the reader that something failed (the banner shows its code and message). */
export function announceFailure(error: unknown): void {
  if (listeners.size === 0) held.push(error);
  for (const listener of listeners) listener(error);
}

/** Listen for failures (the banner does); any held ones come at once. Returns a function that stops listening. */
export function onFailure(listener: FailureListener): () => void {
  listeners.add(listener);
  for (const error of held.splice(0)) listener(error);
  return () => {
    listeners.delete(listener);
  };
}
