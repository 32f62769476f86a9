/**
 * A folder of lessons: the built-in demos (`assets/demos`), or a teacher's
 * (`obra demos --dir ./lessons`). Two layouts, one format (docs/LESSONS.md):
 * a `catalogue.json` listing the lessons in order, each in `<dir>/<id>/`; or,
 * without one, every sub-folder holding a `lesson.json`, by name. Read on
 * every call, so an edited lesson is seen without a restart. What is wrong
 * is an ERR_OBRA_BAD_LESSON naming the file and field (shared/lesson.ts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoInfo, DemoSource } from '../../shared/api';
import { assembleLesson, CATALOGUE_FILE, LESSON_ID, lessonJson, NARRATION_FILE, parseCatalogue, type Lesson } from '../../shared/lesson';
import { LessonError } from '../../shared/lesson-error';
import { readLessonInfo } from './lesson-folder';
import { ObraError } from './obra-error';

export class DemoCatalogue {
  constructor(readonly dir: string) {}

  async list(): Promise<DemoInfo[]> {
    const file = path.join(this.dir, CATALOGUE_FILE);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return this.lessonFolders();
      throw ObraError.from(err);
    }
    return parseCatalogue(lessonJson(text, file), file);
  }

  /** A folder without a catalogue: each sub-folder with a lesson.json, by name (its id is the folder's name). */
  private async lessonFolders(): Promise<DemoInfo[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.dir, { withFileTypes: true })).filter((d) => d.isDirectory() && LESSON_ID.test(d.name)).map((d) => d.name);
    } catch (err) {
      throw ObraError.from(err);
    }
    const lessons: DemoInfo[] = [];
    for (const name of names.sort()) {
      const info = await readLessonInfo(path.join(this.dir, name), name);
      if (info) lessons.push(info);
    }
    if (lessons.length === 0) throw new LessonError({ file: this.dir }, `holds no ${CATALOGUE_FILE} and no folder with a lesson.json`);
    return lessons;
  }

  async find(id: string): Promise<DemoInfo> {
    if (typeof id !== 'string' || !LESSON_ID.test(id)) {
      throw new ObraError('ERR_OBRA_UNKNOWN_DEMO', `No demo has the id ${JSON.stringify(String(id).slice(0, 80))}`);
    }
    const demo = (await this.list()).find((d) => d.id === id);
    if (!demo) throw new ObraError('ERR_OBRA_UNKNOWN_DEMO', `No demo has the id "${id}"`);
    return demo;
  }

  /** Absolute path of a demo's file (checked to stay inside the demo's folder). */
  fileOf(demo: DemoInfo, relative: string): string {
    const folder = path.join(this.dir, demo.id);
    const file = path.resolve(folder, relative);
    if (!file.startsWith(folder + path.sep)) {
      throw new LessonError({ file: path.join(folder, CATALOGUE_FILE), field: 'files' }, `names a file outside its folder: ${relative}`);
    }
    return file;
  }

  /** The demo's scripts in catalogue order, then its narration.json when it has one. */
  async read(id: string): Promise<DemoSource[]> {
    const demo = await this.find(id);
    const scripts = await Promise.all(demo.files.map(async (p) => ({ path: p, text: await this.readFile(demo, p) })));
    const narration = await this.readFile(demo, NARRATION_FILE).catch((err: ObraError) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    return narration === null ? scripts : [...scripts, { path: NARRATION_FILE, text: narration }];
  }

  /** The demo as a lesson: its description, its checked narration, its scripts. */
  async lesson(id: string): Promise<Lesson> {
    const demo = await this.find(id);
    return assembleLesson(demo, await this.read(id), path.join(this.dir, id));
  }

  private async readFile(demo: DemoInfo, relative: string): Promise<string> {
    try {
      return await fs.readFile(this.fileOf(demo, relative), 'utf8');
    } catch (err) {
      throw ObraError.from(err);
    }
  }
}
