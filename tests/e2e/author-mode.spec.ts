/**
 * Author mode in real Chromium through `obra serve`: a lesson folder without
 * narration is opened with the CLI's recording of it; the author picks the
 * boss's "result" line on the timeline, gets a binding proposed from it and
 * checked against the recording at once, writes the step in both languages,
 * adds it and saves narration.json (a download in a browser). The saved file
 * passes the lesson check and tells the step at that very event.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lessonFromFiles } from '../../shared/lesson';
import { narrate } from '../../shared/narration';
import { readRecording } from '../../shared/recording';
import { writeLessonFolder } from '../fixtures/lesson-folder';
import { test, expect, ROOT } from './fixtures';
import { processItem, waitForStatus } from './ui-helpers';

test.use({ viewport: { width: 1600, height: 900 } });

let tmp: string;
let folder: string;
let recording: string;
test.beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-author-'));
  folder = writeLessonFolder(tmp, 'sumar');
  fs.rmSync(path.join(folder, 'narration.json'));
  recording = path.join(tmp, 'sumar.ndjson');
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'obra.cjs'), 'record', folder, '--out', recording, '--quiet'], { stdio: 'pipe' });
});
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a step written in author mode is bound to the picked event, checked at once, and saved as narration.json', async ({ page, obra, saveScreenshot }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => localStorage.setItem('obra.lang', 'en'));
  await page.goto(obra.url);
  const [lessonChooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open lesson…' }).click()]);
  await lessonChooser.setFiles(['lesson.json', 'index.js', 'worker.js'].map((f) => path.join(folder, f)));
  const [recChooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open recording' }).click()]);
  await recChooser.setFiles(recording);
  await waitForStatus(page, 'Finished');

  await page.getByRole('button', { name: 'Write steps' }).click();
  const author = page.getByRole('region', { name: 'Author mode' });
  await expect(author).toContainText('Pick an event on the timeline');

  // The boss's "result: …" line, clicked on its lane where the timeline draws it.
  const { events } = readRecording(fs.readFileSync(recording, 'utf8'));
  const boss = events.find((e) => e.type === 'run-start')!.pid as number;
  const result = events.find((e) => e.type === 'stdout' && e.pid === boss && e.preview.startsWith('result:'))!;
  const lastT = Math.max(...events.map((e) => e.t));
  const lanes = (await page.locator('canvas.timeline-lanes').boundingBox())!;
  const lane = (await processItem(page, boss).boundingBox())!;
  await page.mouse.click(lanes.x + (result.t / Math.max(lastT * 1.04, lastT + 50)) * lanes.width, lane.y + lane.height / 2);
  await expect(author.locator('.author-event')).toContainText(`Event: stdout · pid ${boss}`);

  // Proposed from the event, and checked against the recording: it matches that line and no other.
  const binding = author.getByLabel('Which event reaches it');
  await expect(binding).toHaveValue('{"type":"stdout","proc":"boss","text":"^result: 500500$"}');
  const check = author.locator('.author-check');
  await expect(check).toHaveText('Matches this event and no other.');
  // Looser, it matches both of the boss's lines; as the second match it would be told elsewhere.
  await binding.fill('{"type":"stdout","proc":"boss"}');
  await expect(check).toHaveText('Matches 2 events; the step is told at this one, match 1.');
  await author.getByLabel('Match no.').fill('2');
  await expect(check).toContainText('The step would be told at another event');
  await expect(author.getByRole('button', { name: 'Add the step' })).toBeDisabled();
  await author.getByLabel('Match no.').fill('1');
  await binding.fill('{"type":"stdout","proc":"boss","text":"^result: (?<sum>\\\\d+)"}');
  await binding.fill('{"type":"stdout","proc":"boss","text":"^result: (?<sum>\\\\d+)", "colour": 1}');
  await expect(check).toContainText('"on.colour": is not a field here');
  await binding.fill('{"type":"stdout","proc":"boss","text":"^result: (?<sum>\\\\d+)"}');
  await expect(check).toHaveText('Matches this event and no other.');

  // Both languages fill the same placeholders; one the event does not have is named.
  await author.getByLabel('Spanish text').fill('El obrero contestó {sum}.');
  await author.getByLabel('English text').fill('The worker answered {summ}.');
  await expect(check).toHaveText('"text.en": fills other placeholders than text.es (es: {sum}; en: {summ})');
  await author.getByLabel('Spanish text').fill('El obrero contestó {summ}.');
  await expect(check).toHaveText('This event has no {summ}.');
  await author.getByLabel('Spanish text').fill('El obrero contestó {sum}.');
  await author.getByLabel('English text').fill('The worker answered {sum}.');
  await expect(author.locator('.author-preview')).toHaveText('Told as: The worker answered 500,500.');
  await author.getByRole('button', { name: 'Add the step' }).click();
  await expect(author.locator('.author-steps li')).toHaveCount(1);
  await saveScreenshot(page, 'author-mode-en');

  const [download] = await Promise.all([page.waitForEvent('download'), author.getByRole('button', { name: 'Save narration.json' }).click()]);
  expect(download.suggestedFilename()).toBe('narration.json');
  const saved = path.join(tmp, 'narration.json');
  await download.saveAs(saved);
  fs.copyFileSync(saved, path.join(folder, 'narration.json'));
  // The saved file passes the lesson check, and its step is told at the picked event.
  const files = fs.readdirSync(folder).map((p) => ({ path: p, text: fs.readFileSync(path.join(folder, p), 'utf8') }));
  const lesson = lessonFromFiles('sumar', files);
  expect(lesson.steps).toHaveLength(1);
  expect(narrate(lesson.steps, events, Number.POSITIVE_INFINITY, 'es')[0]).toMatchObject({ t: result.t, text: 'El obrero contestó 500.500.' });
  // The lesson on screen took the step: closing author mode, the narration tells it.
  await author.getByRole('button', { name: 'Close author mode' }).click();
  await expect(page.locator('section.narration-panel')).toHaveAttribute('data-reached', '1');
  expect(errors).toEqual([]);
});
