/**
 * Which pages are Obra's own. The window loads `obra://app/index.html`
 * (app-protocol.ts); in development only, electron-vite's dev server. IPC from
 * any other page or frame is ignored.
 *
 * No Electron import, so the rule is tested on its own.
 */
export const APP_SCHEME = 'obra';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether `url` is a page of ours. `devServerUrl` is honoured only when the
 * caller passes it (never in a packaged app).
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Node's URL gives custom schemes an opaque origin ("null"): compare the parts.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  const dev = new URL(devServerUrl);
  return (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin && isLoopback(dev.hostname);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
