/**
 * A lesson a browser opens: the files the reader picked (or dropped, or a
 * folder chosen where the browser offers one), or one `.zip` holding them. A
 * page gets no paths, so the files are read here and checked by
 * shared/lesson.ts like any lesson; to run, the page uploads them (the lab
 * writes them into a private folder). Never more than a lesson may hold is
 * read: sizes are checked before reading, and a zip's before inflating.
 */
import { unzipSync } from 'fflate';
import type { DemoSource, OpenedLesson } from '../../shared/api';
import { isLessonPath, LESSON_FILE, MAX_LESSON_BYTES } from '../../shared/lesson';
import { LessonError } from '../../shared/lesson-error';

const ZIP = /\.zip$/i;

/** The lesson in `files`: one .zip, or the lesson's own files (each named by its path in the folder where the browser gives one). */
export async function pickedLesson(files: readonly File[]): Promise<OpenedLesson> {
  if (files.length === 1 && ZIP.test(files[0].name)) return zippedLesson(files[0]);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const name = commonFolder(files.map(pathOf)) ?? 'lesson';
  if (total > MAX_LESSON_BYTES) throw tooBig(name, total);
  const read = await Promise.all(files.map(async (f) => ({ path: withoutFolder(pathOf(f), name), text: await f.text() })));
  return { name, folder: null, files: read.filter((f) => isLessonPath(f.path)) };
}

async function zippedLesson(zip: File): Promise<OpenedLesson> {
  const stem = zip.name.replace(ZIP, '');
  // A zip's size is what its entries say they inflate to; more than a lesson holds is refused unread.
  if (zip.size > MAX_LESSON_BYTES * 2) throw tooBig(zip.name, zip.size);
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await zip.arrayBuffer()), {
      filter: (entry) => {
        if (entry.name.endsWith('/') || entry.name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')) return false;
        declared += entry.originalSize;
        if (declared > MAX_LESSON_BYTES) throw tooBig(zip.name, declared);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof LessonError) throw error;
    throw new LessonError({ file: zip.name }, `is not a zip Obra can read: ${(error as Error).message}`);
  }
  const paths = Object.keys(entries);
  const folder = paths.includes(LESSON_FILE) ? null : commonFolder(paths);
  const decoder = new TextDecoder();
  const files: DemoSource[] = paths.map((p) => ({ path: folder ? withoutFolder(p, folder) : p, text: decoder.decode(entries[p]) }));
  return { name: folder ?? stem, folder: null, files: files.filter((f) => isLessonPath(f.path)) };
}

/** A file's path in the folder the reader chose (webkitRelativePath), else its name. */
function pathOf(file: File): string {
  return file.webkitRelativePath || file.name;
}

/** The one top folder every path is in (`sumar/index.js`, `sumar/lib/x.js` → `sumar`), else null. */
function commonFolder(paths: readonly string[]): string | null {
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : null)));
  const [top] = tops;
  return tops.size === 1 && top ? top : null;
}

function withoutFolder(p: string, folder: string): string {
  return p.startsWith(`${folder}/`) ? p.slice(folder.length + 1) : p;
}

function tooBig(name: string, bytes: number): LessonError {
  return new LessonError({ file: name }, `holds ${bytes} bytes, more than the ${MAX_LESSON_BYTES} a lesson may hold`);
}
