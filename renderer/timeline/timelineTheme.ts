/**
 * Which palette the canvas paints with. The store's `theme` is the reader's
 * choice; the app writes it on <html data-theme> (renderer/replay/useClassroom),
 * and that attribute wins when present: a second store (compare's run B) has
 * a `theme` of its own that no key ever changes, but one page has one theme.
 */
import { documentTheme } from '../model/documentTheme';
import type { TimelineTheme } from './palette';

export { observeDocumentTheme } from '../model/documentTheme';

export function timelineTheme(storeTheme: TimelineTheme): TimelineTheme {
  return documentTheme() ?? storeTheme;
}
