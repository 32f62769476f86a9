/**
 * Video exports, end to end in Chromium through `obra serve`: a chosen replay
 * range of the exec demo (a run of 1.5 s and more) — 1 s at 1× and at 2× by
 * WebCodecs (EBML magic, Duration, frame count), by the MediaRecorder
 * fallback, the form by keyboard with invalid ranges refused (en, es), and
 * Cancel. The files (a frame, the form) are kept under <results>/export/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readWebm, webmDurationMs } from '../../renderer/export/webm/ebmlReader';
import { test, expect } from './fixtures';
import { englishAndCleanCsp, inBlankPage, OUT } from './export-helpers';
import { waitForStatus, watchLab } from './ui-helpers';

test.describe.configure({ mode: 'serial' });
englishAndCleanCsp();

/** Read a WebM in a page of its own (the app's CSP keeps media to its origin): what <video> says it lasts. */
async function playedDuration(page: Page, file: string): Promise<number> {
  return inBlankPage(
    page,
    async (base64: string) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
      await new Promise((resolve, reject) => {
        video.onloadedmetadata = resolve;
        video.onerror = () => reject(new Error(`video error ${video.error?.code}`));
      });
      return video.duration;
    },
    fs.readFileSync(file).toString('base64'),
  );
}

/** One frame of a WebM at `seconds`, as a PNG data URL, drawn in a page of its own. */
async function frameAt(page: Page, file: string, seconds: number): Promise<string> {
  return inBlankPage(
    page,
    async (arg: string) => {
      const { base64, at } = JSON.parse(arg) as { base64: string; at: number };
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
      await new Promise((resolve) => (video.onloadeddata = resolve));
      video.currentTime = at;
      await new Promise((resolve) => (video.onseeked = resolve));
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext('2d')!.drawImage(video, 0, 0);
      return canvas.toDataURL('image/png');
    },
    JSON.stringify({ base64: fs.readFileSync(file).toString('base64'), at: seconds }),
  );
}

/** The exec demo: a run of 1.5 s and more (a shell sleeps 1 s, then 0.5 s to the next command). */
async function runExec(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#demo=exec`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
}

async function openVideoForm(page: Page, words = { export: 'Export', video: 'Export video' }): Promise<Locator> {
  await page.getByRole('button', { name: words.export, exact: true }).click();
  await page.getByRole('menuitem', { name: words.video }).click();
  const form = page.getByRole('dialog', { name: words.video });
  await expect(form).toBeVisible();
  return form;
}

interface VideoChoice {
  from: string;
  to: string;
  speed?: string;
  fps?: string;
  width?: string;
}

async function fillVideoForm(form: Locator, c: VideoChoice): Promise<void> {
  await form.getByRole('textbox', { name: 'From' }).fill(c.from);
  await form.getByRole('textbox', { name: 'To' }).fill(c.to);
  await form.getByRole('combobox', { name: 'Speed' }).selectOption(c.speed ?? '1');
  await form.getByRole('combobox', { name: 'Frame rate' }).selectOption(c.fps ?? '30');
  await form.getByRole('combobox', { name: 'Width' }).selectOption(c.width ?? '640');
}

/** The frames the form says the video will have. */
async function plannedFrames(form: Locator): Promise<number> {
  const text = await form.getByTestId('video-summary').textContent();
  const match = /\(([\d,]+) frames\)/.exec(text ?? '');
  expect(match, `summary: ${text}`).not.toBeNull();
  return Number(match![1].replace(/,/g, ''));
}

/** Start the export in the form; keep the file under OUT as `name`. */
async function startAndSave(page: Page, form: Locator, name: string): Promise<string> {
  const downloading = page.waitForEvent('download', { timeout: 90_000 });
  await form.getByRole('button', { name: 'Start export' }).click();
  await expect(form).toBeHidden();
  const file = path.join(OUT, name);
  await (await downloading).saveAs(file);
  await expect(page.getByText('Video saved')).toBeVisible();
  return file;
}

test('a 1 s range of the exec demo as WebM by WebCodecs: 1× lasts about 1 s, 2× about half, with every planned frame', async ({ page, obra }) => {
  test.setTimeout(150_000);
  await runExec(page, obra.url);
  expect(await page.evaluate(() => typeof VideoEncoder)).toBe('function');
  let form = await openVideoForm(page);
  // The form opens on the visible window; "Whole run" puts the run's end in To.
  await form.getByRole('button', { name: 'Whole run' }).click();
  await expect(form.getByRole('textbox', { name: 'From' })).toHaveValue('0.000');
  const runEndS = Number(await form.getByRole('textbox', { name: 'To' }).inputValue());
  expect(runEndS).toBeGreaterThan(1.25);
  await fillVideoForm(form, { from: '0.250', to: '1.250' });
  await expect(form.getByTestId('video-summary')).toHaveText('The video will last 1.00 s (30 frames).');
  const oneX = await startAndSave(page, form, 'exec-1s-at-1x.webm');

  const bytes = new Uint8Array(fs.readFileSync(oneX));
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  const clip = readWebm(bytes);
  expect(clip.codec).toMatch(/^V_VP[89]$/);
  expect(clip).toMatchObject({ width: 640 });
  expect(clip.frames.length).toBe(30);
  const oneXMs = webmDurationMs(bytes)!;
  expect(oneXMs).toBeGreaterThan(850);
  expect(oneXMs).toBeLessThan(1_200);
  // The last frame's timecode plus one frame says the same as the Duration.
  expect(clip.frames[clip.frames.length - 1].timestampUs / 1_000 + 1_000 / 30).toBeCloseTo(oneXMs, 0);
  const played = await playedDuration(page, oneX);
  expect(played).toBeGreaterThan(0.85);
  expect(played).toBeLessThan(1.2);
  const still = await frameAt(page, oneX, 0.5);
  fs.writeFileSync(path.join(OUT, 'exec-1s-at-1x-frame.png'), Buffer.from(still.split(',')[1], 'base64'));

  form = await openVideoForm(page);
  await fillVideoForm(form, { from: '0.250', to: '1.250', speed: '2' });
  const frames2x = await plannedFrames(form);
  expect(frames2x).toBe(15);
  const twoX = new Uint8Array(fs.readFileSync(await startAndSave(page, form, 'exec-1s-at-2x.webm')));
  expect([...twoX.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  expect(readWebm(twoX).frames.length).toBe(frames2x);
  const twoXMs = webmDurationMs(twoX)!;
  expect(twoXMs / oneXMs).toBeGreaterThan(0.4);
  expect(twoXMs / oneXMs).toBeLessThan(0.6);
});

test('without WebCodecs, the range is recorded by MediaRecorder and still gets its Duration', async ({ page, obra }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    // A runtime without WebCodecs: what older Electron or another browser may be.
    Reflect.deleteProperty(window, 'VideoEncoder');
  });
  await runExec(page, obra.url);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Timeline', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export video' }).click();
  const form = page.getByRole('dialog', { name: 'Export video' });
  await fillVideoForm(form, { from: '0.250', to: '1.250' });
  const file = await startAndSave(page, form, 'exec-timeline-recorded.webm');
  const bytes = new Uint8Array(fs.readFileSync(file));
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  const clip = readWebm(bytes);
  expect(clip.codec).toMatch(/^V_VP[89]$/);
  // Recorded in real time: a busy machine may drop frames, never add a second.
  expect(clip.frames.length).toBeGreaterThanOrEqual(10);
  expect(clip.frames.length).toBeLessThanOrEqual(31);
  const ms = webmDurationMs(bytes)!;
  // Real time, so a loaded machine stretches it a little: loose bounds around the 1 s asked for.
  expect(ms).toBeGreaterThan(600);
  expect(ms).toBeLessThan(4_000);
  expect(Number.isFinite(await playedDuration(page, file))).toBe(true);
});

test('the video form by keyboard: an invalid range says why and starts nothing, Esc closes, Enter starts; in English and Spanish', async ({ page, obra }) => {
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
  await page.screenshot({ path: path.join(OUT, 'video-form-en.png') });
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
  await from.fill('0.5');
  await to.fill('99');
  await to.press('Enter');
  await expect(form.getByRole('alert')).toHaveText(/^The range must lie inside the run: from 0 to \d+\.\d{3} s\.$/);
  await from.fill('half past');
  await from.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('From: write seconds, like 1.250.');
  await page.screenshot({ path: path.join(OUT, 'video-form-en-invalid.png') });
  await expect(form).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(button).toBeFocused();
  expect(downloads).toBe(0);

  // Enter starts: a quarter of a second at 2× (4 frames), from the keyboard alone.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(from).toBeFocused();
  await page.keyboard.type('0.250');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0.500');
  await form.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await form.getByRole('combobox', { name: 'Width' }).selectOption('640');
  await expect(form.getByTestId('video-summary')).toHaveText('The video will last 0.13 s (4 frames).');
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await to.press('Enter');
  const clip = readWebm(new Uint8Array(fs.readFileSync(await (await downloading).path())));
  expect(clip.frames.length).toBe(4);

  // In Spanish: the same form, its words and decimal comma.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ES' }).click();
  const es = await openVideoForm(page, { export: 'Exportar', video: 'Exportar video' });
  await es.getByRole('button', { name: 'Toda la ejecución' }).click();
  await expect(es.getByRole('textbox', { name: 'Desde' })).toHaveValue('0,000');
  await expect(es.getByTestId('video-summary')).toHaveText(/^El video durará \d+,\d{2} s \(\d+ fotogramas\)\.$/);
  await page.screenshot({ path: path.join(OUT, 'video-form-es.png') });
  // Teaching speed: every event its moment, so the same run makes another (here longer) video.
  const realTime = (await es.getByTestId('video-summary').textContent()) ?? '';
  await es.getByRole('checkbox', { name: 'Ritmo de clase' }).check();
  await expect(es.getByTestId('video-summary')).not.toHaveText(realTime);
  const frames = (text: string): number => Number(/\(([\d.]+) fotogramas\)/.exec(text)?.[1].replace(/\./g, '') ?? NaN);
  expect(frames((await es.getByTestId('video-summary').textContent()) ?? '')).toBeGreaterThan(frames(realTime));
  await es.getByRole('textbox', { name: 'Hasta' }).fill('0,1');
  await es.getByRole('textbox', { name: 'Desde' }).fill('0,2');
  await expect(es.getByTestId('video-summary')).toHaveText('«Desde» debe ir antes que «Hasta».');
  await page.keyboard.press('Escape');
  await expect(es).toBeHidden();
});

test('Cancel stops the encoder mid-way: no file, and the progress goes away', async ({ page, obra }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    // Count what the page asks of its encoders, to see Cancel stop them.
    const seen = { encoded: 0, closed: 0 };
    Object.assign(window, { __encoders: seen });
    const Native = window.VideoEncoder;
    window.VideoEncoder = class extends Native {
      override encode(frame: VideoFrame, options?: VideoEncoderEncodeOptions): void {
        seen.encoded++;
        super.encode(frame, options);
      }
      override close(): void {
        seen.closed++;
        super.close();
      }
    };
  });
  await runExec(page, obra.url);
  let downloads = 0;
  page.on('download', () => downloads++);
  const form = await openVideoForm(page);
  await form.getByRole('button', { name: 'Whole run' }).click();
  await form.getByRole('combobox', { name: 'Speed' }).selectOption('0.05');
  await form.getByRole('combobox', { name: 'Width' }).selectOption('640');
  const total = await plannedFrames(form);
  expect(total).toBeGreaterThan(600);
  await form.getByRole('button', { name: 'Start export' }).click();
  await expect(page.getByRole('progressbar', { name: 'Exporting video' })).toBeVisible();
  await expect(page.getByTestId('video-frames')).toHaveText(new RegExp(`^[1-9][\\d,]* / ${total.toLocaleString('en-US')} frames$`));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByText('Video export cancelled')).toBeVisible();
  const encoders = (): Promise<{ encoded: number; closed: number }> => page.evaluate(() => ({ ...(window as unknown as { __encoders: { encoded: number; closed: number } }).__encoders }));
  const atCancel = await encoders();
  expect(atCancel.closed).toBeGreaterThanOrEqual(1);
  expect(atCancel.encoded).toBeLessThan(total);
  await page.waitForTimeout(1_000);
  expect((await encoders()).encoded).toBe(atCancel.encoded);
  // The result line fades too: nothing of the export is left on screen, and nothing was saved.
  await expect(page.locator('.export-progress')).toHaveCount(0, { timeout: 10_000 });
  expect(downloads).toBe(0);
});
