/**
 * The HTTP side of `obra serve`: the renderer's page and assets, GET/HEAD
 * only, behind the access rules of access.ts. Refusals carry a status and an
 * empty body, nothing else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assetCookieHeader, assetCookieName, checkHostAndOrigin, readCookie, sameSecret, type AccessKeys } from './access';
import { contentSecurityPolicy } from './csp';
import { readStaticFile } from './static-files';
import { TOKEN_PARAM } from '../../shared/ws-protocol';

export interface PageServing {
  rendererDir: string;
  origin: string;
  port: number;
  keys: AccessKeys;
  log: (line: string) => void;
}

const PAGE_PATHS = new Set(['/', '/index.html']);

export function createHttpHandler(site: PageServing): (req: IncomingMessage, res: ServerResponse) => void {
  const csp = contentSecurityPolicy({ connectSrc: [`ws://${new URL(site.origin).host}`] });
  return (req, res) => {
    void serve(site, csp, req, res).catch((err: unknown) => {
      site.log(`obra serve: ${req.method} failed: ${(err as Error).message}`);
      if (!res.headersSent) refuse(res, 500);
      else res.destroy();
    });
  };
}

async function serve(site: PageServing, csp: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (checkHostAndOrigin(req, site.origin, { originRequired: false }) !== 'ok') return refuse(res, 403);
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405);
  const url = new URL(req.url ?? '/', site.origin);
  const isPage = PAGE_PATHS.has(url.pathname);
  const hasToken = sameSecret(url.searchParams.get(TOKEN_PARAM), site.keys.token);
  const hasAssetCookie = sameSecret(readCookie(req.headers.cookie, assetCookieName(site.port)), site.keys.assetKey);
  if (!hasToken && (isPage || !hasAssetCookie)) return refuse(res, 401);
  const file = await readStaticFile(site.rendererDir, url.pathname);
  if (!file) return refuse(res, 404);
  const headers: Record<string, string | number> = {
    ...securityHeaders(),
    'Content-Type': file.mimeType,
    'Content-Length': file.body.length,
    // The page carries the token in its URL: never cache it; hashed assets may be.
    'Cache-Control': isPage ? 'no-store' : 'private, max-age=3600',
  };
  if (file.mimeType.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
  if (isPage) headers['Set-Cookie'] = assetCookieHeader(site.port, site.keys.assetKey);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

function securityHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    // The token is in the page URL: never send it on as a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** A refusal: the status and nothing else. */
export function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Length': 0, 'Cache-Control': 'no-store', ...securityHeaders() });
  res.end();
}
