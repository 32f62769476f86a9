import { describe, expect, it } from 'vitest';
import { assembleLesson, lessonFromFiles, lessonIdOf, MAX_LESSON_BYTES, parseCatalogue, parseLessonInfo } from './lesson';
import { LessonError } from './lesson-error';

const described = { title: { es: 'Mi lección', en: 'My lesson' }, summary: { es: 'Un jefe y un obrero.', en: 'A boss and a worker.' }, entry: 'index.js', files: ['index.js', 'worker.js'] };
const narration = [{ on: { type: 'call', api: 'fork' }, code: { file: 'index.js', text: 'fork(' }, text: { es: 'El jefe llama a un obrero.', en: 'The boss calls a worker.' } }];
const files = (over: Record<string, unknown> = {}) => [
  { path: 'lesson.json', text: JSON.stringify({ ...described, ...over }) },
  { path: 'narration.json', text: JSON.stringify(narration) },
  { path: 'index.js', text: "require('node:child_process').fork('./worker.js');\n" },
  { path: 'worker.js', text: 'process.exit(0);\n' },
  { path: 'README.md', text: 'notes for the teacher' },
];

function failure(run: () => unknown): LessonError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    return error as LessonError;
  }
  throw new Error('accepted');
}

describe('a lesson folder', () => {
  it('is its lesson.json, its checked narration and the scripts it lists, in order (other files left out)', () => {
    const lesson = lessonFromFiles('Mi lección 2', files());
    expect(lesson.info).toEqual({ id: 'mi-leccion-2', ...described });
    expect(lesson.sources.map((s) => s.path)).toEqual(['index.js', 'worker.js']);
    expect(lesson.steps).toHaveLength(1);
  });

  it('without a files list, is the entry and the other scripts beside it', () => {
    const { files: _listed, ...unlisted } = described;
    const lesson = lessonFromFiles('l', [{ path: 'lesson.json', text: JSON.stringify(unlisted) }, ...files().slice(1)]);
    expect(lesson.info.files).toEqual(['index.js', 'worker.js']);
  });

  it('without narration.json yet, has no steps (an author writes them in the app)', () => {
    expect(lessonFromFiles('l', files().filter((f) => f.path !== 'narration.json')).steps).toEqual([]);
  });

  it('is refused, naming the file and field, when lesson.json is missing, not JSON, or wrong', () => {
    expect(failure(() => lessonFromFiles('l', files().slice(1)))).toMatchObject({ code: 'ERR_OBRA_BAD_LESSON', file: 'l/lesson.json' });
    expect(failure(() => lessonFromFiles('l', [{ path: 'lesson.json', text: '{ title' }]))).toMatchObject({ file: 'l/lesson.json', message: expect.stringMatching(/is not JSON/) });
    expect(failure(() => lessonFromFiles('l', files({ entry: 'boss.txt' })))).toMatchObject({ field: 'entry' });
    expect(failure(() => lessonFromFiles('l', files({ entry: 'src/index.js' })))).toMatchObject({ field: 'entry' });
    expect(failure(() => lessonFromFiles('l', files({ files: ['worker.js', 'index.js'] })))).toMatchObject({ field: 'files', message: expect.stringMatching(/start with the entry/) });
    expect(failure(() => lessonFromFiles('l', files({ files: ['index.js', '../secret.js'] })))).toMatchObject({ field: 'files.2' });
    expect(failure(() => lessonFromFiles('l', files({ files: ['index.js', 'helper.js'] })))).toMatchObject({ field: 'files', message: expect.stringMatching(/helper\.js is not in the lesson's folder/) });
    expect(failure(() => lessonFromFiles('l', files({ panel: 'pie' })))).toMatchObject({ field: 'panel' });
    expect(failure(() => lessonFromFiles('l', files({ author: 'me' })))).toMatchObject({ field: 'author' });
    expect(failure(() => lessonFromFiles('l', files({ title: { es: 'Sí' } })))).toMatchObject({ field: 'title.en' });
  });

  it('is refused when its narration.json is not JSON or fails its check, naming that file and step', () => {
    const broken = files().map((f) => (f.path === 'narration.json' ? { ...f, text: '[{ "on": ' } : f));
    expect(failure(() => lessonFromFiles('l', broken))).toMatchObject({ file: 'l/narration.json', message: expect.stringMatching(/is not JSON/) });
    const wrongCode = files().map((f) => (f.path === 'narration.json' ? { ...f, text: JSON.stringify([{ ...narration[0], code: { file: 'index.js', text: 'spawn(' } }]) } : f));
    expect(failure(() => lessonFromFiles('l', wrongCode))).toMatchObject({ file: 'l/narration.json', step: 1, field: 'code.text' });
  });

  it('holds at most what one run request carries', () => {
    const big = [...files(), { path: 'index.js', text: 'x'.repeat(MAX_LESSON_BYTES) }];
    expect(failure(() => assembleLesson(parseLessonInfo(described, 'l'), big, 'l'))).toMatchObject({ file: 'l', message: expect.stringMatching(/more than the \d+ a lesson may hold/) });
  });

  it('gets an id from its folder name', () => {
    expect(lessonIdOf('Procesos en Node (2ª parte)')).toBe('procesos-en-node-2a-parte');
    expect(lessonIdOf('???')).toBe('lesson');
  });
});

describe('a catalogue', () => {
  it('is an array of lessons with unique kebab-case ids', () => {
    expect(parseCatalogue([{ id: 'uno', ...described }])[0].id).toBe('uno');
    expect(failure(() => parseCatalogue([{ id: 'uno', ...described }, { id: 'uno', ...described }], 'catalogue.json'))).toMatchObject({ file: 'catalogue.json', field: '[1].id' });
    expect(failure(() => parseCatalogue([{ id: 'Uno', ...described }]))).toMatchObject({ field: '[0].id' });
    expect(failure(() => parseCatalogue([{ id: 'uno', ...described, entry: 1 }]))).toMatchObject({ field: '[0].entry' });
  });
});
