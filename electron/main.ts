/**
 * Obra's Electron main process: thin on purpose. It makes the lab, one
 * hardened window and the IPC bridge; everything else lives in parts that run
 * under plain Node (electron/lab) or in any browser (renderer/).
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { Lab } from './lab/index';
import { WINDOW_UP_ENV, WINDOW_UP_LINE } from '../shared/window-up';
import { APP_ENTRY_URL } from './shell/app-origin';
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol';
import { hardenSessions } from './shell/hardening';
import { connectPage, type PageLink } from './shell/ipc';
import { installMenu } from './shell/menu';
import { watchPageLifecycle } from './shell/page-lifecycle';
import { createMainWindow } from './shell/window';

// electron-vite's dev server, in development only; a packaged app never loads a URL from the environment.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
// `npm start` waits for a line on stdout saying the window is up (shared/window-up.ts); runs do not inherit the request.
const sayWindowUp = process.env[WINDOW_UP_ENV] === '1';
delete process.env[WINDOW_UP_ENV];

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // One Obra per user: the running one brings its window to the front (second-instance below).
  console.log('obra: Obra is already open; its window was brought to the front.');
  app.quit();
} else {
  // Scripts run with Electron's own Node (the RunAsNode fuse stays on for this),
  // or with the system `node` the user names in OBRA_NODE (a path to the binary).
  const systemNode = process.env.OBRA_NODE;
  // Runs follow one another: each finds its site keeper already started (spareKeeper).
  const lab = systemNode ? new Lab({ nodePath: systemNode, spareKeeper: true }) : new Lab({ nodePath: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' }, spareKeeper: true });
  let win: BrowserWindow | null = null;
  let page: PageLink | null = null;

  const openWindow = (): void => {
    win = createMainWindow({
      preload: path.join(__dirname, '../preload/index.js'),
      url: devServerUrl ?? APP_ENTRY_URL,
    });
    if (sayWindowUp) win.once('ready-to-show', () => console.log(WINDOW_UP_LINE));
    const link = connectPage(win, lab, devServerUrl);
    page = link;
    watchPageLifecycle(win.webContents, () => link.pageGone());
    win.on('closed', () => {
      link.pageGone();
      link.dispose();
      win = null;
      page = null;
    });
  };

  // Emitted only after 'ready'. On macOS the app may be running with its window closed.
  app.on('second-instance', () => {
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  void app.whenReady().then(() => {
    hardenSessions(devServerUrl);
    serveAppProtocol(path.join(__dirname, '../renderer'));
    installMenu({ isDev: devServerUrl !== undefined });
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Every run's whole process tree is stopped before Obra exits.
  let labStopped = false;
  app.on('before-quit', (event) => {
    if (labStopped) return;
    event.preventDefault();
    page?.dispose();
    lab
      .shutdown()
      .catch((err: unknown) => console.error('obra: stopping runs on quit failed:', err))
      .finally(() => {
        labStopped = true;
        app.quit();
      });
  });
}
