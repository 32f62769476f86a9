/**
 * The page's theme as the app writes it on <html data-theme>
 * (renderer/replay/useClassroom): one page has one theme, whichever store
 * (compare's run B has its own) a drawing belongs to.
 */
export type DocumentTheme = 'light' | 'dark';

/** The theme on <html data-theme>, or null outside a page or before the app wrote it. */
export function documentTheme(): DocumentTheme | null {
  if (typeof document === 'undefined') return null;
  const theme = document.documentElement.dataset.theme;
  return theme === 'dark' || theme === 'light' ? theme : null;
}

/** Calls `onChange` when <html data-theme> changes; returns the unsubscribe. */
export function observeDocumentTheme(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return () => undefined;
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
