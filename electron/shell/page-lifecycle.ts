/**
 * When the window's page goes away without the window closing: a reload (or
 * any new document committed in the top frame) and a crashed or killed
 * renderer. The page's runs are stopped and its queued batches dropped (the
 * new page starts clean); after a crash the page is loaded again, a few times
 * at most.
 *
 * Keyed on committed navigations, not on `did-start-navigation`: a navigation
 * that starts and is then cancelled (the hardening refuses every navigation
 * the page asks for in `will-navigate`, which Electron emits after
 * `did-start-navigation`) leaves the page where it was, with its runs and its
 * relay. Electron emits, for a committed navigation only (its
 * WebContents::DidFinishNavigation returns early for the rest):
 * `did-frame-navigate` for a new document, `did-navigate-in-page` for a hash
 * change (same document: ignored), and `did-fail-provisional-load` for an
 * error page, which replaces the document too.
 *
 * No Electron import: main passes the window's webContents; the tests an
 * EventEmitter replaying Electron's events.
 */
import type { RenderProcessGoneDetails } from 'electron';

const MAX_CRASH_RELOADS = 3;

/** The part of Electron's WebContents watched here. */
export interface WatchedContents {
  on(event: 'did-frame-navigate', listener: (event: unknown, url: string, httpResponseCode: number, httpStatusText: string, isMainFrame: boolean) => void): unknown;
  on(event: 'did-fail-provisional-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
  reload(): void;
  isDestroyed(): boolean;
}

export function watchPageLifecycle(contents: WatchedContents, pageGone: () => void): void {
  // A document is showing whose departure has not been reported yet.
  let showing = false;
  let crashReloads = 0;
  const committed = (isMainFrame: boolean): void => {
    if (!isMainFrame) return;
    // The first document is the page arriving, not leaving; so is the one loaded after a crash.
    if (showing) pageGone();
    showing = true;
  };
  contents.on('did-frame-navigate', (_event, _url, _code, _status, isMainFrame) => committed(isMainFrame));
  contents.on('did-fail-provisional-load', (_event, _code, _description, _url, isMainFrame) => committed(isMainFrame));
  contents.on('render-process-gone', (_event, details) => {
    console.error(`obra: the page's renderer is gone (${details.reason}, exit code ${details.exitCode})`);
    if (showing) pageGone();
    showing = false;
    if (details.reason !== 'clean-exit' && crashReloads++ < MAX_CRASH_RELOADS && !contents.isDestroyed()) contents.reload();
  });
}
