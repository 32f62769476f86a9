import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lessonFromFiles, MAX_LESSON_BYTES } from '../../shared/lesson';
import { LESSON_INFO, LESSON_SCRIPTS, LESSON_STEPS } from '../../tests/fixtures/lesson-folder';
import { pickedLesson } from './pickedLesson';

const texts: Record<string, string> = { 'lesson.json': JSON.stringify(LESSON_INFO), 'narration.json': JSON.stringify(LESSON_STEPS), ...LESSON_SCRIPTS };

describe('a lesson a browser opens', () => {
  it('from the picked files: read and then checked like any lesson', async () => {
    const opened = await pickedLesson(Object.entries(texts).map(([name, text]) => new File([text], name)));
    expect(opened).toMatchObject({ name: 'lesson', folder: null });
    const lesson = lessonFromFiles(opened.name, opened.files);
    expect(lesson.sources.map((s) => s.path)).toEqual(['index.js', 'worker.js']);
    expect(lesson.steps[1].question?.answer).toBe(2);
  });

  it('from a zip, with or without the folder inside it; hidden files and folders left out', async () => {
    const inFolder = zipSync(Object.fromEntries([...Object.entries(texts).map(([n, t]) => [`sumar/${n}`, strToU8(t)]), ['__MACOSX/sumar/._index.js', strToU8('x')], ['sumar/.DS_Store', strToU8('x')]]));
    const opened = await pickedLesson([new File([inFolder], 'descarga.zip')]);
    expect(opened.name).toBe('sumar');
    expect(opened.files.map((f) => f.path).sort()).toEqual(Object.keys(texts).sort());
    expect(lessonFromFiles(opened.name, opened.files).steps).toHaveLength(4);
    const flat = zipSync(Object.fromEntries(Object.entries(texts).map(([n, t]) => [n, strToU8(t)])));
    expect((await pickedLesson([new File([flat], 'sumar.zip')])).name).toBe('sumar');
  });

  it('refuses, before reading or inflating it, more than a lesson may hold, and a file that is no zip', async () => {
    const big = zipSync({ 'lesson.json': strToU8('{}'), 'index.js': new Uint8Array(MAX_LESSON_BYTES + 1) });
    await expect(pickedLesson([new File([big], 'big.zip')])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_LESSON', file: 'big.zip', message: expect.stringMatching(/more than the \d+ a lesson may hold/) });
    await expect(pickedLesson([new File(['x'.repeat(MAX_LESSON_BYTES + 1)], 'index.js')])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_LESSON' });
    await expect(pickedLesson([new File(['not a zip'], 'lesson.zip')])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_LESSON', file: 'lesson.zip', message: expect.stringMatching(/not a zip/) });
  });
});
