/**
 * One's own files, opened together in the browser (several files, or a
 * folder): which are kept, by which path, and which is the boss. The page can
 * read the files' text but never their place on disk, so they travel to the
 * lab together and run side by side in a private folder, where a boss can fork
 * its siblings. Pure: names and texts in, a choice out.
 */
import { MAX_REQUEST_BYTES, SCRIPT_EXTENSIONS, type DemoSource } from '../../shared/api';
import { isRelativeFilePath, MAX_RUN_FILES } from '../../shared/run-files';

export interface PickedFile {
  /** The path within what was picked: `webkitRelativePath` for a folder (`proj/lib/w.js`), else the name. */
  path: string;
  /** Null when the bytes are not UTF-8 text. */
  text: string | null;
}

export interface OpenedScripts {
  files: DemoSource[];
  /** The boss: the path Run starts. */
  entry: string;
  /** Left out: not text, hidden or in node_modules, past the limits. */
  skipped: { path: string; why: 'not-text' | 'too-many' | 'too-big' }[];
}

/** What one run may carry: the request limit, less room for the JSON around the texts. */
export const MAX_OPENED_BYTES = MAX_REQUEST_BYTES - 64 * 1024;
const SCRIPT = new RegExp(`\\.(${SCRIPT_EXTENSIONS.join('|')})$`, 'i');
/** Boss names tried first, at the top of what was opened. */
const BOSS_NAMES = ['index.js', 'main.js', 'boss.js', 'app.js', 'index.mjs', 'main.mjs', 'index.cjs', 'main.cjs'];

/** Keep what can run together and choose its boss; null when there is no script among the files. */
export function openedScripts(picked: readonly PickedFile[]): OpenedScripts | null {
  const top = commonFolder(picked.map((p) => p.path));
  const skipped: OpenedScripts['skipped'] = [];
  const files: DemoSource[] = [];
  let bytes = 0;
  // Shallow first, scripts before data: what is left out past a limit is what matters least.
  const ordered = [...picked].sort((a, b) => depth(a.path) - depth(b.path) || Number(!SCRIPT.test(a.path)) - Number(!SCRIPT.test(b.path)) || a.path.localeCompare(b.path));
  for (const p of ordered) {
    const path = p.path.slice(top.length);
    // Hidden files and installed packages are not the program's own code: they stay out.
    if (!isRelativeFilePath(path) || path.split('/').includes('node_modules')) continue;
    if (p.text === null) skipped.push({ path, why: 'not-text' });
    else if (files.length >= MAX_RUN_FILES) skipped.push({ path, why: 'too-many' });
    else if (bytes + utf8Bytes(p.text) > MAX_OPENED_BYTES) skipped.push({ path, why: 'too-big' });
    else {
      files.push({ path, text: p.text });
      bytes += utf8Bytes(p.text);
    }
  }
  const entry = bossOf(files);
  return entry === null ? null : { files: [...files.filter((f) => f.path === entry), ...files.filter((f) => f.path !== entry)], entry, skipped };
}

/** package.json's `main`, else a usual boss name at the top, else the shallowest script. */
function bossOf(files: readonly DemoSource[]): string | null {
  const scripts = files.filter((f) => SCRIPT.test(f.path));
  const pkg = files.find((f) => f.path === 'package.json');
  const main = pkg ? mainOf(pkg.text) : null;
  if (main && scripts.some((s) => s.path === main)) return main;
  const named = BOSS_NAMES.find((name) => scripts.some((s) => s.path === name));
  return named ?? scripts[0]?.path ?? null;
}

function mainOf(json: string): string | null {
  try {
    const main = (JSON.parse(json) as { main?: unknown }).main;
    return typeof main === 'string' ? main.replace(/^\.\//, '') : null;
  } catch {
    return null;
  }
}

/** The folder every path is in (`proj/`), or '' when they do not share one. */
function commonFolder(paths: readonly string[]): string {
  const firsts = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/') + 1) : '')));
  const [only] = firsts;
  return firsts.size === 1 && only !== '' ? only : '';
}

function depth(path: string): number {
  return path.split('/').length;
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
