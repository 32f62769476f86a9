/**
 * Which palette the canvas paints with. The store's `theme` is the reader's
 * choice; the app writes it on <html data-theme> (renderer/replay/useClassroom),
 * and that attribute wins when present: a second store (compare's run B) has
 * a `theme` of its own that no key ever changes, but one page has one theme.
 */
import type { TimelineTheme } from './palette';

function documentTheme(): TimelineTheme | null {
  if (typeof document === 'undefined') return null;
  const theme = document.documentElement.dataset.theme;
  return theme === 'dark' || theme === 'light' ? theme : null;
}

export function timelineTheme(storeTheme: TimelineTheme): TimelineTheme {
  return documentTheme() ?? storeTheme;
}

/** Calls `onChange` when <html data-theme> changes; returns the unsubscribe. */
export function observeDocumentTheme(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return () => undefined;
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
