/**
 * A teacher's own lesson, end to end in real Chromium through `obra serve`: a
 * lesson folder written by the test is recorded by the CLI, opened in the
 * browser with Open lesson… (its files, or one .zip), and the recording is
 * told with its steps at their events; in projector mode its question stops
 * the replay just before the event and the answer comes on a key. The lesson
 * also runs in the browser (its files uploaded), and a malformed
 * narration.json is refused with the file, the step and the field named.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import type { Lang } from '../../shared/api';
import { lessonFromFiles } from '../../shared/lesson';
import { narrate } from '../../shared/narration';
import { readRecording } from '../../shared/recording';
import { LESSON_STEPS, writeLessonFolder } from '../fixtures/lesson-folder';
import { test, expect, RESULTS_DIR, ROOT } from './fixtures';
import { waitForStatus } from './ui-helpers';

test.use({ viewport: { width: 1600, height: 900 } });

const UI: Record<Lang, { open: string; picked: string; run: string; finished: string; openRecording: string; projector: string; revealHint: RegExp; continueHint: RegExp }> = {
  es: { open: 'Abrir lección…', picked: 'Lección: Sumar con un obrero', run: 'Ejecutar', finished: 'Terminado', openRecording: 'Abrir grabación', projector: 'Modo proyector', revealHint: /Enter muestra lo que pasa/, continueHint: /Enter sigue/ },
  en: { open: 'Open lesson…', picked: 'Lesson: Summing with a worker', run: 'Run', finished: 'Finished', openRecording: 'Open recording', projector: 'Projector mode', revealHint: /Enter shows what happens/, continueHint: /Enter goes on/ },
};

let tmp: string;
let folder: string;
let recording: string;
test.beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-teacher-'));
  folder = writeLessonFolder(tmp, 'sumar');
  recording = path.join(tmp, 'sumar.ndjson');
  // Recorded by the CLI, as a teacher would before class.
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'obra.cjs'), 'record', folder, '--out', recording, '--quiet'], { stdio: 'pipe' });
});
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lessonFiles = () => ['lesson.json', 'narration.json', 'index.js', 'worker.js'].map((f) => path.join(folder, f));

/** When each step's event happened in the recording, as the one lesson check and narrate() say. */
function stepTimes(): number[] {
  const files = fs.readdirSync(folder).map((p) => ({ path: p, text: fs.readFileSync(path.join(folder, p), 'utf8') }));
  const { events } = readRecording(fs.readFileSync(recording, 'utf8'));
  return narrate(lessonFromFiles('sumar', files).steps, events, Number.POSITIVE_INFINITY, 'en').map((l) => l.t as number);
}

async function openLesson(page: Page, lang: Lang, files: string[] | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: UI[lang].open }).click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
  await expect(page.getByLabel(lang === 'es' ? 'Demo' : 'Demo').locator('option:checked')).toHaveText(UI[lang].picked);
}

const playhead = (page: Page) => page.getByRole('slider', { name: /Playhead|Cabezal/ });

for (const lang of ['es', 'en'] as const) {
  test(`${lang}: the lesson folder recorded by the CLI, opened with its files: steps at their events, its question stops the replay`, async ({ page, obra, saveScreenshot }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript((l) => localStorage.setItem('obra.lang', l), lang);
    await page.goto(obra.url);
    await openLesson(page, lang, lessonFiles());
    const code = page.locator('section.code-panel');
    await expect(code.getByRole('tab')).toHaveText(['index.js', 'worker.js']);
    const narration = page.locator('section.narration-panel');
    await expect(narration).toHaveAttribute('data-reached', '0');

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: UI[lang].openRecording }).click()]);
    await chooser.setFiles(recording);
    await waitForStatus(page, UI[lang].finished);
    await expect(page.getByLabel('Demo').locator('option:checked')).toHaveText(UI[lang].picked);
    await expect(narration).toHaveAttribute('data-reached', '4');
    await expect(narration.locator('.narration-step.is-question .is-answer')).toHaveText(/result: 500500/);
    await saveScreenshot(page, `teacher-lesson-desk-${lang}`);

    // Every step at its own event: not yet told a microsecond before, told at it.
    const times = stepTimes();
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    for (const [i, t] of times.entries()) {
      if (i > 0 && times[i - 1] === t) continue;
      await playhead(page).fill(String(t - 1));
      await expect(narration).toHaveAttribute('data-reached', String(times.filter((x) => x <= t - 1).length));
      await playhead(page).fill(String(t));
      await expect(narration).toHaveAttribute('data-reached', String(times.filter((x) => x <= t).length));
      await expect(narration.locator(`[data-step="${i + 1}"]`)).toHaveClass(/is-reached/);
    }

    // Class mode: play from the start; the question stops the replay just before the boss prints the sum.
    await page.getByRole('button', { name: UI[lang].projector }).click();
    await playhead(page).fill('0');
    await page.keyboard.press('Space');
    const overlay = page.getByRole('dialog');
    await expect(overlay).toBeVisible({ timeout: 15_000 });
    await expect(overlay).toHaveAttribute('data-step', '2');
    await expect(overlay.locator('.question-text')).toHaveText(LESSON_STEPS[1].question!.text[lang]);
    await expect(overlay.locator('li')).toHaveCount(3);
    await expect(overlay.locator('.is-answer')).toHaveCount(0);
    await expect(overlay).toContainText(UI[lang].revealHint);
    expect(Number(await playhead(page).inputValue())).toBe(times[1] - 1);
    // It stays stopped: the class thinks.
    await page.waitForTimeout(400);
    expect(Number(await playhead(page).inputValue())).toBe(times[1] - 1);
    await saveScreenshot(page, `teacher-lesson-question-${lang}`);

    await page.keyboard.press('Enter');
    await expect(overlay.locator('.is-answer')).toContainText('result: 500500');
    await expect(overlay.locator('.question-told')).toContainText(lang === 'es' ? '500.500' : '500,500');
    await expect(overlay).toContainText(UI[lang].continueHint);
    expect(Number(await playhead(page).inputValue())).toBe(times[1]);
    await saveScreenshot(page, `teacher-lesson-answer-${lang}`);

    await page.keyboard.press('Enter');
    await expect(overlay).toHaveCount(0);
    // The replay goes on to the end by itself.
    await expect.poll(async () => Number(await playhead(page).inputValue()), { timeout: 15_000 }).toBeGreaterThan(times[3]);
    expect(errors).toEqual([]);
  });
}

test('the same lesson as one .zip runs in the browser: its files uploaded, every step told, its worker forked beside it', async ({ page, obra }) => {
  await page.addInitScript(() => localStorage.setItem('obra.lang', 'en'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(obra.url);
  const zip = zipSync(Object.fromEntries(fs.readdirSync(folder).map((f) => [`sumar/${f}`, strToU8(fs.readFileSync(path.join(folder, f), 'utf8'))])));
  await openLesson(page, 'en', { name: 'sumar.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  let runId = '';
  const stop = obra.lab.subscribe((b) => (runId ||= b.runId));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  stop();
  const narration = page.locator('section.narration-panel');
  await expect(narration).toHaveAttribute('data-reached', '4');
  await expect(narration).toContainText('The worker summed and answered over IPC: 500,500.');
  const log = obra.lab.log(runId);
  expect(log.filter((e) => e.type === 'call').map((e) => e.type === 'call' && e.api)).toEqual(['fork', 'exec']);
  expect(log.find((e) => e.type === 'run-end')).toMatchObject({ reason: 'exit', code: 0 });
  await page.screenshot({ path: path.join(RESULTS_DIR, 'screens', 'teacher-lesson-run-dark.png') });
});

test('a malformed narration.json is refused: the notice names the file, the step and the field, and nothing opens', async ({ page, obra }) => {
  await page.addInitScript(() => localStorage.setItem('obra.lang', 'en'));
  await page.goto(obra.url);
  const steps = structuredClone(LESSON_STEPS) as unknown as Array<Record<string, unknown>>;
  steps[1] = { ...steps[1], question: { ...(steps[1].question as object), answer: 7 } };
  const broken = writeLessonFolder(tmp, 'rota', JSON.stringify(steps));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open lesson…' }).click()]);
  await chooser.setFiles(['lesson.json', 'narration.json', 'index.js', 'worker.js'].map((f) => path.join(broken, f)));
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('ERR_OBRA_BAD_LESSON');
  await expect(banner).toContainText('lesson/narration.json, step 2, "question.answer": must be the number of the right choice, 1 to 3');
  await expect(page.getByLabel('Demo').locator('option:checked')).toHaveText('Choose a demo…');
});
