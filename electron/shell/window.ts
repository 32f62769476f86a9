/**
 * Obra's one window. The page gets the preload bridge and nothing else:
 * isolated from the preload's world, sandboxed, no Node, web security on.
 */
import { BrowserWindow } from 'electron';
import path from 'node:path';

export interface WindowPlace {
  /** out/preload/index.js */
  preload: string;
  /** The page: obra://app/index.html, or the dev server's URL in development. */
  url: string;
}

export function createMainWindow(place: WindowPlace): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Obra',
    backgroundColor: '#1f1b16',
    webPreferences: {
      // Reviewed: the preload is sandboxed and exposes only the shared API through contextBridge (electron/preload.ts).
      preload: path.resolve(place.preload), // eng-disable PRELOAD_JS_CHECK
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // A page that does not load must not leave a hidden window behind: show Chromium's error page.
  // ERR_ABORTED only means a newer load (a reload) took its place.
  win.loadURL(place.url).catch((err: Error & { code?: string }) => {
    if (err.code === 'ERR_ABORTED') return;
    console.error(`obra: the page did not load: ${err.message}`);
    if (!win.isDestroyed()) win.show();
  });
  return win;
}
