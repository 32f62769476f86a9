/**
 * Serving the built renderer (out/renderer) from disk: the right MIME type,
 * nothing outside the folder (no `..`, no encoded separators, no symlink
 * escapes), no directory listings.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFile {
  absolutePath: string;
  mimeType: string;
  body: Buffer;
}

/**
 * Find the file a URL pathname names inside `root`. Returns null for anything
 * that is not a regular file inside it: the caller answers 404. A pathname
 * ending in `/` means its index.html.
 */
export async function readStaticFile(root: string, urlPathname: string): Promise<StaticFile | null> {
  const relative = safeRelativePath(urlPathname);
  if (relative === null) return null;
  const realRoot = await fs.realpath(root).catch(() => null);
  if (realRoot === null) return null;
  const candidate = path.resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return null;
  // A symlink inside the folder must not lead out of it.
  const real = await fs.realpath(candidate).catch(() => null);
  if (real === null || !isInside(realRoot, real)) return null;
  const stat = await fs.stat(real).catch(() => null);
  if (!stat?.isFile()) return null;
  return { absolutePath: real, mimeType: mimeTypeOf(real), body: await fs.readFile(real) };
}

/** The decoded, normalised relative path of a URL pathname, or null if it is unsafe. */
export function safeRelativePath(urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.join('/');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
