/**
 * `obra://app/…`: the built renderer served to the window from disk (inside
 * the asar when packaged), with the production Content-Security-Policy as a
 * response header. A custom protocol instead of file:// so the page has an
 * origin of its own and none of file://'s reach into the rest of the disk
 * (the GrantFileProtocolExtraPrivileges fuse is off).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../serve/csp';
import { mimeTypeOf, safeRelativePath } from '../serve/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Before app 'ready': the scheme behaves like https (standard, secure context, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After 'ready': answer obra://app/<path> from `rendererDir`, nothing outside it. */
export function serveAppProtocol(rendererDir: string): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = url.host === APP_HOST && request.method === 'GET' ? safeRelativePath(url.pathname) : null;
    if (relative === null) return notFound();
    const file = path.join(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep)) return notFound();
    let body: Buffer;
    try {
      // Electron's fs reads inside app.asar; a folder or a missing file fails here.
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const mimeType = mimeTypeOf(file);
    const headers: Record<string, string> = { 'Content-Type': mimeType, 'X-Content-Type-Options': 'nosniff' };
    if (mimeType.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
    return new Response(new Uint8Array(body), { status: 200, headers });
  });
}

function notFound(): Response {
  return new Response(null, { status: 404 });
}
