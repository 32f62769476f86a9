/**
 * Secure defaults for every web page Electron makes, whatever creates it:
 * no navigation away from the app, no new windows, no <webview>, no
 * permission (camera, notifications, USB…) ever granted — except full
 * screen, which projector mode asks for from a user gesture.
 */
import { app, session, type WebContents } from 'electron';

export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback) => callback(permission === 'fullscreen'));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

function hardenWebContents(contents: WebContents): void {
  // The page is a single document: hash changes (#demo=…) are not navigations.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
