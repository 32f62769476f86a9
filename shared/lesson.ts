/**
 * A lesson: a folder with its scripts, an entry (boss) script, its
 * `narration.json` and a title and summary — the built-in demos
 * (`assets/demos/catalogue.json` lists theirs) and a teacher's own folder
 * (`lesson.json` beside the scripts) alike. Whatever reads one (the lab, the
 * CLI, the renderer, the tests) goes through here, so they accept the same
 * lessons and refuse the others with the same LessonError. The format is
 * docs/LESSONS.md. Pure: no Node or DOM imports.
 */
import { LESSON_PANELS, MAX_REQUEST_BYTES, SCRIPT_EXTENSIONS, type DemoInfo, type DemoSource, type LessonPanel, type Localized } from './api';
import { LessonError } from './lesson-error';
import { parseNarration } from './narration-check';
import type { NarrationStep } from './narration';
import { utf8Bytes } from './utf8';

export const LESSON_FILE = 'lesson.json';
export const NARRATION_FILE = 'narration.json';
export const CATALOGUE_FILE = 'catalogue.json';

/** Lesson and demo ids: short kebab-case names (`event-loop`, `all-cores`). */
export const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Everything a lesson shows: what it is, its steps (none yet is fine), its scripts in `info.files` order. */
export interface Lesson {
  info: DemoInfo;
  steps: NarrationStep[];
  sources: DemoSource[];
}

/**
 * All of a lesson's files together, at most: what one run request may carry
 * (a browser uploads them all to run the lesson), less room for the rest.
 */
export const MAX_LESSON_BYTES = MAX_REQUEST_BYTES - 64 * 1024;

const INFO_KEYS = ['title', 'summary', 'entry', 'files', 'panel'];
const SCRIPT = new RegExp(`\\.(${SCRIPT_EXTENSIONS.join('|')})$`, 'i');
const MAX_FILES = 64;

/** A catalogue's content: an array of lessons, each with an `id` naming its folder. */
export function parseCatalogue(data: unknown, file = CATALOGUE_FILE): DemoInfo[] {
  if (!Array.isArray(data)) throw new LessonError({ file }, 'must be an array of lessons ([{ "id": …, "title": …, … }])');
  const seen = new Set<string>();
  return data.map((entry, i) => {
    const at = `[${i}]`;
    if (!isObject(entry)) throw new LessonError({ file, field: at }, 'a lesson must be an object');
    const { id, ...rest } = entry;
    if (typeof id !== 'string' || !LESSON_ID.test(id)) throw new LessonError({ file, field: `${at}.id` }, 'must be a short kebab-case name (its folder)');
    if (seen.has(id)) throw new LessonError({ file, field: `${at}.id` }, `"${id}" is listed twice`);
    seen.add(id);
    return parseLessonInfo(rest, id, file, `${at}.`);
  });
}

/**
 * A lesson's description (`lesson.json`, or a catalogue entry without its id).
 * `scripts`: the script files the folder holds, for a lesson that does not
 * list its files (then its files are the entry and the folder's other scripts).
 */
export function parseLessonInfo(data: unknown, id: string, file = LESSON_FILE, prefix = '', scripts: readonly string[] = []): DemoInfo {
  const fail = (field: string, problem: string): never => {
    throw new LessonError({ file, field: `${prefix}${field}` }, problem);
  };
  if (!isObject(data)) return fail('', 'must be an object { "title", "summary", "entry", "files" }');
  const extra = Object.keys(data).find((k) => !INFO_KEYS.includes(k));
  if (extra !== undefined) fail(extra, `is not a field of a lesson (${['id', ...INFO_KEYS].join(', ')})`);
  const title = localized(data.title, 'title', fail);
  const summary = localized(data.summary, 'summary', fail);
  const { entry, panel } = data;
  if (typeof entry !== 'string' || !isLessonPath(entry) || entry.includes('/') || !SCRIPT.test(entry)) return fail('entry', 'must name the boss script (.js, .mjs or .cjs) at the top of the folder');
  const files = data.files === undefined ? [entry, ...scripts.filter((s) => s !== entry && SCRIPT.test(s)).sort()] : data.files;
  if (!Array.isArray(files) || files.length === 0 || files.length > MAX_FILES) return fail('files', `must list the lesson's files (1 to ${MAX_FILES}), the entry first`);
  files.forEach((f, i) => {
    if (typeof f !== 'string' || !isLessonPath(f)) fail(`files.${i + 1}`, `${JSON.stringify(f)} is not a path inside the folder (no "..", no leading / or .)`);
  });
  if (files[0] !== entry) fail('files', `must start with the entry, ${JSON.stringify(entry)}`);
  if (new Set(files).size !== files.length) fail('files', 'names a file twice');
  if (panel !== undefined && !(LESSON_PANELS as readonly unknown[]).includes(panel)) fail('panel', `must be one of ${LESSON_PANELS.join(', ')}`);
  return { id, title, summary, files: files as string[], entry, ...(panel !== undefined ? { panel: panel as LessonPanel } : {}) };
}

/**
 * The lesson a description and its files make: every listed file present,
 * the narration (when there is one) checked against them. `folder` names the
 * lesson in errors (`my-lesson/narration.json`). Files the lesson does not list
 * (a README, a picture) are left out.
 */
export function assembleLesson(info: DemoInfo, files: readonly DemoSource[], folder: string): Lesson {
  const bytes = files.reduce((sum, f) => sum + utf8Bytes(f.text), 0);
  if (bytes > MAX_LESSON_BYTES) throw new LessonError({ file: folder }, `its files hold ${bytes} bytes, more than the ${MAX_LESSON_BYTES} a lesson may hold`);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const sources = info.files.map((p) => {
    const found = byPath.get(p);
    if (!found) throw new LessonError({ file: `${folder}/${LESSON_FILE}`, field: 'files' }, `${p} is not in the lesson's folder`);
    return { path: p, text: found.text };
  });
  const narration = byPath.get(NARRATION_FILE);
  const file = `${folder}/${NARRATION_FILE}`;
  const steps = narration ? parseNarration(lessonJson(narration.text, file), file, { sources }) : [];
  return { info, steps, sources };
}

/** A teacher's lesson from the files of its folder (read from disk, picked in a browser, or unpacked from a zip). */
export function lessonFromFiles(folder: string, files: readonly DemoSource[]): Lesson {
  const described = files.find((f) => f.path === LESSON_FILE);
  const file = `${folder}/${LESSON_FILE}`;
  if (!described) throw new LessonError({ file }, `missing: a lesson folder holds ${LESSON_FILE} (title, summary, entry) beside its scripts`);
  const info = parseLessonInfo(lessonJson(described.text, file), lessonIdOf(folder), file, '', files.map((f) => f.path));
  return assembleLesson(info, files, folder);
}

/** A lesson's id from its folder's name: `My lesson 2` → `my-lesson-2`. */
export function lessonIdOf(folder: string): string {
  // Accents go (NFKD splits é into e and its mark), the rest becomes dashes.
  const id = folder.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return LESSON_ID.test(id) ? id : 'lesson';
}

/** A relative path inside a lesson's folder: forward slashes, no `..`, no hidden or empty parts. */
export function isLessonPath(p: string): boolean {
  return p.length > 0 && p.length <= 255 && !/[\\\0:]/.test(p) && p.split('/').every((part) => part !== '' && !part.startsWith('.'));
}

/** A lesson's JSON file parsed; a LessonError naming the file when it is not JSON. */
export function lessonJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LessonError({ file }, `is not JSON: ${(error as Error).message}`);
  }
}

function localized(value: unknown, field: string, fail: (field: string, problem: string) => never): Localized {
  if (!isObject(value)) return fail(field, 'must be { "es": "…", "en": "…" }');
  for (const lang of ['es', 'en']) if (typeof value[lang] !== 'string' || (value[lang] as string).trim() === '') fail(`${field}.${lang}`, 'missing');
  return { es: value.es as string, en: value.en as string };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
