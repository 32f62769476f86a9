/**
 * When the window's page goes away without the window closing: a reload (or
 * any new document in the top frame) and a crashed or killed renderer. The
 * page's runs are stopped and its queued batches dropped (the new page starts
 * clean); after a crash the page is loaded again, a few times at most.
 */
import type { BrowserWindow } from 'electron';

const MAX_CRASH_RELOADS = 3;

export function watchPageLifecycle(win: BrowserWindow, pageGone: () => void): void {
  const contents = win.webContents;
  let documents = 0;
  let crashReloads = 0;
  contents.on('did-start-navigation', (details) => {
    if (!details.isMainFrame || details.isSameDocument) return;
    // The first document is the page arriving, not leaving.
    if (documents++ > 0) pageGone();
  });
  contents.on('render-process-gone', (_event, details) => {
    console.error(`obra: the page's renderer is gone (${details.reason}, exit code ${details.exitCode})`);
    pageGone();
    if (details.reason !== 'clean-exit' && crashReloads++ < MAX_CRASH_RELOADS && !win.isDestroyed()) contents.reload();
  });
}
