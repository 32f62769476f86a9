/**
 * The video form, end to end in Chromium on a real run of the exec demo: by
 * keyboard (an invalid range says why and starts nothing, Esc closes, Enter
 * starts), the three formats with their own frame rates and widths, the last
 * one remembered across a reload, a GIF's estimated weight and its warning
 * past 20 MB, and the form in English and Spanish, light and dark (kept as
 * screenshots under <results>/export/ to be looked at).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readMp4 } from '../fixtures/clip-files/mp4';
import { test, expect } from './fixtures';
import { englishAndCleanCsp, OUT } from './export-helpers';
import { waitForStatus, watchLab } from './ui-helpers';
import { openVideoForm, runExec } from './video-helpers';

test.describe.configure({ mode: 'serial' });
englishAndCleanCsp();

test('the video form by keyboard: an invalid range says why and starts nothing, Esc closes, Enter starts', async ({ page, obra }) => {
  test.setTimeout(120_000);
  await runExec(page, obra.url);
  let downloads = 0;
  page.on('download', () => downloads++);
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Export video' })).toBeFocused();
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Export video' });
  const from = form.getByRole('textbox', { name: 'From' });
  const to = form.getByRole('textbox', { name: 'To' });
  await expect(from).toBeFocused();
  // Keys pressed in the form are the form's, even on its buttons: b does not blank the screen, r runs nothing.
  const lab = watchLab(obra.lab);
  await form.getByRole('button', { name: 'Visible window' }).focus();
  await page.keyboard.press('b');
  await page.waitForTimeout(300);
  await expect(page.locator('.blank-screen')).toHaveCount(0);
  await page.keyboard.press('r');
  await page.waitForTimeout(500);
  lab.stop();
  expect(lab.latest()).toEqual([]);
  // The page never even asked: Run sets "Starting…" at once, and the status still says the run is over.
  await expect(page.getByRole('status').filter({ hasText: /Starting|Running/ })).toHaveCount(0);
  await waitForStatus(page, 'Finished', 1_000);
  await from.focus();

  await page.keyboard.type('1.5');
  await to.fill('0.5');
  await to.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('From must come before To.');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByTestId('video-file')).toHaveCount(0);
  await from.fill('0.5');
  await to.fill('99');
  await to.press('Enter');
  await expect(form.getByRole('alert')).toHaveText(/^The range must lie inside the run: from 0 to \d+\.\d{3} s\.$/);
  await from.fill('half past');
  await from.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('From: write seconds, like 1.250.');
  await page.screenshot({ path: path.join(OUT, 'video-form-en-invalid.png') });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(button).toBeFocused();
  expect(downloads).toBe(0);

  // Enter starts: a quarter of a second at 2× (4 frames), from the keyboard alone, as the MP4 the form starts on.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(from).toBeFocused();
  await expect(form.getByRole('radio', { name: /^MP4\b/ })).toBeChecked();
  await page.keyboard.type('0.250');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0.500');
  await form.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await form.getByRole('combobox', { name: 'Width' }).selectOption('640');
  await expect(form.getByTestId('video-summary')).toHaveText('The clip will last 0.13 s (4 frames).');
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await to.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('exec-both-0.25-0.5s.mp4');
  expect(readMp4(new Uint8Array(fs.readFileSync(await download.path()))).video.samples).toBe(4);
});

test('three formats, each with its frame rates and widths; the last one chosen comes back, even after a reload; a GIF says what it will weigh', async ({ page, obra }) => {
  test.setTimeout(120_000);
  await runExec(page, obra.url);
  let form = await openVideoForm(page);
  const formats = form.getByRole('radio');
  await expect(formats).toHaveCount(3);
  await expect(form.getByRole('radio', { name: 'MP4 PowerPoint, Keynote, any player' })).toBeChecked();
  await expect(form.getByRole('radio', { name: 'WebM web pages, browsers' })).not.toBeChecked();
  const fps = form.getByRole('combobox', { name: 'Frame rate' });
  const width = form.getByRole('combobox', { name: 'Width' });
  const options = async (select: typeof fps): Promise<string[]> => select.locator('option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
  expect(await options(fps)).toEqual(['15', '24', '30', '60']);
  expect(await options(width)).toEqual(['640', '1280', '1920']);
  await expect(form.getByTestId('video-gif-size')).toHaveCount(0);

  // Arrow keys move through the formats, as in any radio group.
  await form.getByRole('radio', { name: /^MP4\b/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const gif = form.getByRole('radio', { name: 'GIF Google Slides, any slide tool' });
  await expect(gif).toBeChecked();
  expect(await options(fps)).toEqual(['10', '15', '20', '25']);
  expect(await options(width)).toEqual(['480', '640', '800']);
  await expect(fps).toHaveValue('15');
  await expect(width).toHaveValue('640');
  await form.getByRole('button', { name: 'Whole run' }).click();
  await expect(form.getByTestId('video-gif-size')).toHaveText(/^The GIF will weigh about \d+ KB\. $/);
  await expect(form.getByTestId('video-file')).toHaveText(/^File: exec-both-0-\d+(\.\d+)?s\.gif$/);

  // Every event its moment, twenty times slower, 25 frames a second, at the widest: past 20 MB, the form warns.
  await form.getByRole('checkbox', { name: 'Teaching speed' }).check();
  await form.getByRole('combobox', { name: 'Speed' }).selectOption('0.05');
  await fps.selectOption('25');
  await width.selectOption('800');
  await expect(form.getByTestId('video-summary')).toHaveText(/^The clip will last \d+ min \d\d s/);
  await expect(form.getByTestId('video-gif-size')).toHaveText(/^The GIF will weigh about \d+ MB\. Above 20 MB a slide loads slowly/);
  await expect(form.getByTestId('video-gif-size')).toHaveClass(/video-warning/);
  await page.screenshot({ path: path.join(OUT, 'video-form-gif-warning.png') });
  await page.keyboard.press('Escape');

  form = await openVideoForm(page);
  await expect(form.getByRole('radio', { name: /^GIF\b/ })).toBeChecked();
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  form = await openVideoForm(page);
  await expect(form.getByRole('radio', { name: /^GIF\b/ })).toBeChecked();
  // Back to a video format: a frame rate it has too stays; a width it does not have becomes its own first choice.
  await fps.selectOption('15');
  await width.selectOption('800');
  await form.getByRole('radio', { name: /^WebM\b/ }).check();
  await expect(fps).toHaveValue('15');
  await expect(width).toHaveValue('1280');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the form in English and Spanish, ${theme}: formats, where each plays, the file's name`, async ({ page, obra }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await runExec(page, obra.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    let form = await openVideoForm(page);
    await form.getByRole('button', { name: 'Whole run' }).click();
    await expect(form.getByTestId('video-file')).toHaveText(/^File: exec-both-0-[\d.]+s\.mp4$/);
    await page.screenshot({ path: path.join(OUT, `video-form-en-${theme}.png`) });
    await page.keyboard.press('Escape');

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ES' }).click();
    form = await openVideoForm(page, { export: 'Exportar', video: 'Exportar video' });
    await form.getByRole('radio', { name: 'GIF Google Slides, cualquier presentación' }).check();
    await form.getByRole('button', { name: 'Toda la ejecución' }).click();
    await expect(form.getByRole('textbox', { name: 'Desde' })).toHaveValue('0,000');
    await expect(form.getByTestId('video-summary')).toHaveText(/^El clip durará \d+,\d{2} s \(\d+ fotogramas\)\.$/);
    await expect(form.getByTestId('video-gif-size')).toHaveText(/^El GIF pesará unos \d+ KB\. $/);
    await expect(form.getByTestId('video-file')).toHaveText(/^Archivo: exec-both-0-[\d.]+s\.gif$/);
    await page.screenshot({ path: path.join(OUT, `video-form-es-${theme}.png`) });
    // Teaching speed: every event its moment, so the same run makes another (here longer) clip.
    const realTime = (await form.getByTestId('video-summary').textContent()) ?? '';
    await form.getByRole('checkbox', { name: 'Ritmo de clase' }).check();
    await expect(form.getByTestId('video-summary')).not.toHaveText(realTime);
    const frames = (text: string): number => Number(/\(([\d.]+) fotogramas\)/.exec(text)?.[1].replace(/\./g, '') ?? NaN);
    expect(frames((await form.getByTestId('video-summary').textContent()) ?? '')).toBeGreaterThan(frames(realTime));
    await form.getByRole('textbox', { name: 'Hasta' }).fill('0,1');
    await form.getByRole('textbox', { name: 'Desde' }).fill('0,2');
    await expect(form.getByTestId('video-summary')).toHaveText('«Desde» debe ir antes que «Hasta».');
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
  });
}
