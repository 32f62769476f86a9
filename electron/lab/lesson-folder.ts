/**
 * A teacher's lesson folder on disk, read into the files shared/lesson.ts
 * assembles (the same files a browser would pick or unzip): lesson.json,
 * narration.json when there is one, and the scripts lesson.json lists — or,
 * when it lists none, every script at the folder's top level. Only regular
 * files are read (a FIFO named narration.json would never end), each at
 * most the whole lesson's limit.
 */
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoInfo, DemoSource } from '../../shared/api';
import { LESSON_FILE, MAX_LESSON_BYTES, NARRATION_FILE, lessonFromFiles, lessonIdOf, lessonJson, parseLessonInfo, type Lesson } from '../../shared/lesson';
import { LessonError } from '../../shared/lesson-error';
import { ObraError } from './obra-error';

export interface LessonFolder {
  /** The folder's absolute path (a run of the lesson starts its entry there). */
  folder: string;
  /** The folder's name, which names the lesson in errors and gives its id. */
  name: string;
  files: DemoSource[];
}

/** The folder's files, unchecked beyond what reading them needs. */
export async function readLessonFolder(dir: string): Promise<LessonFolder> {
  const folder = path.resolve(dir);
  const name = path.basename(folder);
  const described = await describedLesson(folder, lessonIdOf(name));
  if (!described) throw new LessonError({ file: `${name}/${LESSON_FILE}` }, `missing: a lesson folder holds ${LESSON_FILE} (title, summary, entry) beside its scripts`);
  const { info, text } = described;
  const files: DemoSource[] = [{ path: LESSON_FILE, text }];
  for (const p of [...info.files, NARRATION_FILE]) {
    const text = await readText(folder, p, name);
    if (text !== null) files.push({ path: p, text });
  }
  return { folder, name, files };
}

/** The lesson in a folder: read, then checked and assembled by shared/lesson.ts. */
export async function loadLessonFolder(dir: string): Promise<Lesson & { folder: string }> {
  const { folder, name, files } = await readLessonFolder(dir);
  return { ...lessonFromFiles(name, files), folder };
}

/** A sub-folder's description for a list of lessons; null when it holds no lesson.json. */
export async function readLessonInfo(folder: string, id: string): Promise<DemoInfo | null> {
  return (await describedLesson(folder, id))?.info ?? null;
}

/** lesson.json's text and what it says, checked; null when the folder has none. */
async function describedLesson(folder: string, id: string): Promise<{ info: DemoInfo; text: string } | null> {
  const name = path.basename(folder);
  const text = await readText(folder, LESSON_FILE, name);
  if (text === null) return null;
  const file = `${name}/${LESSON_FILE}`;
  return { info: parseLessonInfo(lessonJson(text, file), id, file, '', await topLevelFiles(folder)), text };
}

async function topLevelFiles(folder: string): Promise<string[]> {
  try {
    return (await fs.readdir(folder, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  } catch (err) {
    throw ObraError.from(err);
  }
}

/** A file of the lesson as text; null when it does not exist. */
async function readText(folder: string, relative: string, name: string): Promise<string | null> {
  const file = path.join(folder, ...relative.split('/'));
  let handle;
  try {
    // Non-blocking: a FIFO would otherwise hold the open until something writes to it.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ObraError.from(err);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new LessonError({ file: `${name}/${relative}` }, 'is not a regular file');
    if (stat.size > MAX_LESSON_BYTES) throw new LessonError({ file: `${name}/${relative}` }, `holds ${stat.size} bytes, more than the ${MAX_LESSON_BYTES} a lesson may hold`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
