/**
 * Who may talk to `obra serve`. The server binds 127.0.0.1 only, and every
 * request must also prove it comes from the page we printed:
 *
 * - the API socket needs the token in its URL (`/api?token=T`, compared in
 *   constant time) and an Origin of exactly http://127.0.0.1:PORT;
 * - the page itself (`/?token=T`) needs the token in its URL; loading it sets
 *   a cookie (HttpOnly, SameSite=Strict, named after the port) holding a
 *   SECOND random value that only unlocks static assets (the scripts and
 *   styles the page loads without a query string). Cookies are not isolated by
 *   port on 127.0.0.1, so the cookie never carries the API token: if another
 *   local server ever saw it, it could fetch our public build output, nothing
 *   more.
 * - the Host header must name 127.0.0.1:PORT (a DNS-rebinding page cannot
 *   send that), and an Origin header, when present, must be ours.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface AccessKeys {
  /** Goes in the printed URL and the socket URL. */
  token: string;
  /** Goes in the asset cookie only. */
  assetKey: string;
}

export function makeAccessKeys(): AccessKeys {
  return { token: randomBytes(24).toString('base64url'), assetKey: randomBytes(24).toString('base64url') };
}

/** Compare two secrets without leaking, through timing, how much of them matched (or their lengths). */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function assetCookieName(port: number): string {
  return `obra_assets_${port}`;
}

export function assetCookieHeader(port: number, assetKey: string): string {
  return `${assetCookieName(port)}=${assetKey}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The value of one cookie in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export type Verdict = 'ok' | 'unauthorized' | 'forbidden';

/** Host must be ours; an Origin, when the client sends one, must be ours too. */
export function checkHostAndOrigin(req: IncomingMessage, origin: string, opts: { originRequired: boolean }): Verdict {
  const host = req.headers.host;
  if (host !== new URL(origin).host) return 'forbidden';
  const given = req.headers.origin;
  if (given === undefined) return opts.originRequired ? 'forbidden' : 'ok';
  return given === origin ? 'ok' : 'forbidden';
}
