/**
 * The files a run may start with (RunRequest.files, and an uploaded boss's
 * name): paths relative to the run's folder that can never leave it, checked
 * alike by both transports and by the lab. Pure: no Node or DOM imports.
 */

/** Files one run may carry: a demo's files, or a script and the siblings uploaded with it. */
export const MAX_RUN_FILES = 256;
/** Folders deep below the run's folder a carried file may sit. */
const MAX_DEPTH = 16;
const MAX_PATH_CHARS = 1024;
const MAX_NAME_CHARS = 255;

/**
 * A path relative to a folder that stays inside it: `/`-separated names, none
 * empty, hidden (`.x`, and so no `.` or `..`), holding a backslash, a colon
 * (a Windows drive or stream) or NUL. `boss.js`, `lib/util.js`.
 */
export function isRelativeFilePath(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PATH_CHARS) return false;
  const names = value.split('/');
  return names.length <= MAX_DEPTH && names.every((name) => name.length > 0 && name.length <= MAX_NAME_CHARS && !name.startsWith('.') && !/[\\:\0]/.test(name));
}

/** Why `files` is not a list of files a run can carry (besides `taken`, the boss's own path), or null. */
export function runFilesProblem(files: unknown, taken: string | null): string | null {
  if (!Array.isArray(files) || files.length > MAX_RUN_FILES) return `files must be an array of at most ${MAX_RUN_FILES} { path, text }`;
  const seen = new Set<string>(taken === null ? [] : [taken.toLowerCase()]);
  for (const file of files as unknown[]) {
    if (typeof file !== 'object' || file === null || Array.isArray(file)) return 'every file must be an object { path, text }';
    const keys = Object.keys(file);
    if (keys.length !== 2 || !keys.includes('path') || !keys.includes('text')) return 'every file must have exactly path and text';
    const { path, text } = file as { path: unknown; text: unknown };
    if (!isRelativeFilePath(path)) return `files: ${JSON.stringify(String(path).slice(0, 80))} is not a path inside the run's folder`;
    if (typeof text !== 'string') return `files: the text of ${path} must be a string`;
    // Case folded: on Windows and macOS `A.js` and `a.js` are one file.
    if (seen.has(path.toLowerCase())) return `files: ${path} is given twice`;
    seen.add(path.toLowerCase());
  }
  return null;
}
