/**
 * Secure defaults for every web page Electron makes, whatever creates it:
 * no navigation away from the app, no new windows, no <webview>, no
 * permission (camera, notifications, USB…) ever granted — except full
 * screen to our own page's top frame, which projector mode asks for from a
 * user gesture. Electron grants every permission when no handler is set.
 */
import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** `devServerUrl`: electron-vite's dev server, in development only (see app-origin.ts). */
export function hardenSessions(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(permission === 'fullscreen' && details.isMainFrame && isAppUrl(details.requestingUrl, devServerUrl));
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

function hardenWebContents(contents: WebContents): void {
  // The page is a single document: hash changes (#demo=…) are not navigations.
  // Electron asks will-frame-navigate first (every frame, the top one too), then will-navigate.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
