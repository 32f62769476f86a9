/**
 * GIF exports, end to end in Chromium through `obra serve`, from real runs of
 * the exec demo: the file's blocks read back (a frame per planned frame, the
 * delays adding up to the planned length, looping), then decoded by the
 * browser's own ImageDecoder — its frames, their durations, and a frame whose
 * colours are the theme's own paper and ink. The size the form estimated is
 * compared with the file's. Cancel ends the encoder and saves nothing.
 */
import fs from 'node:fs';
import type { Locator } from '@playwright/test';
import { readGif } from '../fixtures/clip-files/gif';
import { test, expect } from './fixtures';
import { englishAndCleanCsp } from './export-helpers';
import { decodeGif, fillVideoForm, keepPng, openVideoForm, plannedFrames, runExec, startAndSave } from './video-helpers';

test.describe.configure({ mode: 'serial' });
englishAndCleanCsp();

/** The estimate the form gave, bytes ("The GIF will weigh about 45 KB." / "… 1.2 MB."). */
async function estimatedBytes(form: Locator): Promise<number> {
  const text = (await form.getByTestId('video-gif-size').textContent()) ?? '';
  const match = /about ([\d.]+) (KB|MB)/.exec(text);
  expect(match, text).not.toBeNull();
  return Number(match![1]) * 1024 * (match![2] === 'MB' ? 1024 : 1);
}

for (const c of [
  { theme: 'light', picture: 'Stage and timeline', content: 'both', fps: '15', width: '480', paper: '#ffffff', ink: '#111111' },
  { theme: 'dark', picture: 'Timeline', content: 'timeline', fps: '10', width: '640', paper: '#15181b', ink: '#f2f2f2' },
] as const) {
  test(`a 1 s range of the exec demo as a ${c.theme} GIF (${c.content}): every planned frame, delays adding up to 1 s, decoded by the browser in the theme's own colours`, async ({ page, obra }) => {
    test.setTimeout(150_000);
    await runExec(page, obra.url);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitemradio', { name: c.picture, exact: true }).click();
    await page.getByRole('menuitemradio', { name: c.theme === 'light' ? 'Light' : 'Dark' }).click();
    await page.getByRole('menuitem', { name: 'Export video' }).click();
    const form = page.getByRole('dialog', { name: 'Export video' });
    await fillVideoForm(form, { format: 'GIF', from: '0.250', to: '1.250', fps: c.fps, width: c.width });
    const frames = await plannedFrames(form);
    expect(frames).toBe(Number(c.fps));
    await expect(form.getByTestId('video-file')).toHaveText(`File: exec-${c.content}-0.25-1.25s.gif`);
    const estimate = await estimatedBytes(form);
    const { file, name } = await startAndSave(page, form);
    expect(name).toBe(`exec-${c.content}-0.25-1.25s.gif`);

    const bytes = new Uint8Array(fs.readFileSync(file));
    const gif = readGif(bytes);
    expect(gif).toMatchObject({ version: 'GIF89a', width: Number(c.width), loops: 0 });
    expect(gif.frames).toHaveLength(frames);
    // GIF counts in hundredths of a second: 1 s is 100 of them, to the hundredth.
    expect(gif.frames.reduce((sum, f) => sum + f.delayCs, 0)).toBe(100);
    expect(gif.colours.map((rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`)).toEqual(expect.arrayContaining([c.paper, c.ink]));
    // The estimate said "about": within a factor of 2.5 of what came out.
    expect(estimate / bytes.length).toBeGreaterThan(1 / 2.5);
    expect(estimate / bytes.length).toBeLessThan(2.5);

    const middle = Math.floor(frames / 2);
    const decoded = await decodeGif(page, file, middle);
    expect(decoded).toMatchObject({ frameCount: frames, width: Number(c.width), height: gif.height });
    expect(decoded.durationsUs.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    // The frame the decoder composed shows the theme's paper and ink exactly, and no more colours than a GIF has.
    expect(decoded.colours).toEqual(expect.arrayContaining([c.paper, c.ink]));
    expect(decoded.colours.length).toBeLessThanOrEqual(256);
    keepPng(decoded.frame, `exec-${c.content}-${c.theme}-gif-frame.png`);
  });
}

test('Cancel ends a GIF mid-way: no file, and the progress goes away', async ({ page, obra }) => {
  test.setTimeout(120_000);
  await runExec(page, obra.url);
  let downloads = 0;
  page.on('download', () => downloads++);
  const form = await openVideoForm(page);
  await form.getByRole('radio', { name: /^GIF\b/ }).check();
  await form.getByRole('button', { name: 'Whole run' }).click();
  await form.getByRole('combobox', { name: 'Speed' }).selectOption('0.25');
  const total = await plannedFrames(form);
  expect(total).toBeGreaterThan(60);
  await form.getByRole('button', { name: 'Start export' }).click();
  // The page answers while the GIF is made: the count moves, and Cancel is heard.
  await expect(page.getByTestId('video-frames')).toHaveText(new RegExp(`^[1-9][\\d,]* / ${total.toLocaleString('en-US')} frames$`));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByText('Video export cancelled')).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(page.locator('.export-progress')).toHaveCount(0, { timeout: 10_000 });
  expect(downloads).toBe(0);
});

test('the clip draws the picture its form names: Stage, picked in the menu for a PNG a moment before', async ({ page, obra }) => {
  await runExec(page, obra.url);
  // As a teacher would: E, Stage, a PNG; then E again, Export video.
  await page.keyboard.press('e');
  await page.getByRole('menuitemradio', { name: 'Stage', exact: true }).click();
  const saving = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'PNG 1×' }).click();
  const png = fs.readFileSync((await (await saving).path()) as string);
  const pngShape = png.readUInt32BE(16) / png.readUInt32BE(20);
  await page.keyboard.press('e');
  await page.getByRole('menuitem', { name: 'Export video' }).click();
  const form = page.getByRole('dialog', { name: 'Export video' });
  await expect(form.getByTestId('video-picture')).toHaveText('Picture: Stage · Colours: Light.');
  await fillVideoForm(form, { format: 'GIF', from: '0.250', to: '0.500', fps: '10', width: '480' });
  const { file, name } = await startAndSave(page, form);
  expect(name).toBe('exec-stage-0.25-0.5s.gif');
  // The stage alone has about the PNG's shape (its title band weighs a little more at 480 px); a stage and timeline clip would be twice as tall.
  const gif = readGif(new Uint8Array(fs.readFileSync(file)));
  expect(Math.abs(gif.width / gif.height / pngShape - 1)).toBeLessThan(0.1);
});
