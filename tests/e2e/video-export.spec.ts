/**
 * Video exports, end to end in Chromium through `obra serve`, from real runs
 * of the exec demo (1.5 s and more): an MP4 (its boxes read back: ftyp, moov
 * before mdat, the track's codec and length within a frame of the plan), a
 * WebM at 1× and 2×, an MP4 where H.264 cannot be encoded, and both recorded
 * by MediaRecorder where WebCodecs is missing — each opened back and played
 * by a <video>. Cancel stops the encoder and saves nothing. The GIF and the
 * form have their own specs. Files and frames are kept under <results>/export/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readMp4 } from '../fixtures/clip-files/mp4';
import { readWebm, webmDurationMs } from '../fixtures/clip-files/webm';
import { test, expect } from './fixtures';
import { englishAndCleanCsp, OUT } from './export-helpers';
import { fillVideoForm, keepPng, openVideoForm, plannedFrames, playVideo, runExec, startAndSave } from './video-helpers';

test.describe.configure({ mode: 'serial' });
englishAndCleanCsp();

/** An MP4 read back: a file a slide tool can open before it has read it all, lasting `seconds` to within a frame. */
function expectMp4(file: string, o: { codec: string; frames: number; seconds: number; fps: number; width: number }) {
  const mp4 = readMp4(new Uint8Array(fs.readFileSync(file)));
  expect(mp4.boxes[0]).toBe('ftyp');
  // Fast start: the index (moov) before the media (mdat).
  expect(mp4.boxes.indexOf('moov')).toBeLessThan(mp4.boxes.indexOf('mdat'));
  expect(mp4.video).toMatchObject({ codec: o.codec, samples: o.frames, width: o.width });
  const frame = 1 / o.fps;
  expect(Math.abs(mp4.video.seconds - o.seconds)).toBeLessThanOrEqual(frame);
  expect(Math.abs(mp4.movieSeconds - o.seconds)).toBeLessThanOrEqual(frame);
  expect(Math.abs(mp4.video.sampleSeconds.reduce((a, b) => a + b, 0) - o.seconds)).toBeLessThanOrEqual(frame);
  return mp4;
}

/** A page where WebCodecs says it cannot encode H.264 (a browser built without proprietary codecs). */
async function withoutH264(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const ask = VideoEncoder.isConfigSupported.bind(VideoEncoder);
    VideoEncoder.isConfigSupported = (config: VideoEncoderConfig) => (/^(avc|hvc|hev)/.test(config.codec) ? Promise.resolve({ supported: false, config }) : ask(config));
  });
}

test('a 1 s range of the exec demo as MP4: H.264 with moov first, every planned frame, within a frame of the plan; a <video> plays it', async ({ page, obra }) => {
  test.setTimeout(150_000);
  await runExec(page, obra.url);
  const form = await openVideoForm(page);
  await fillVideoForm(form, { format: 'MP4', from: '0.250', to: '1.250' });
  await expect(form.getByTestId('video-summary')).toHaveText('The clip will last 1.00 s (30 frames).');
  await expect(form.getByTestId('video-file')).toHaveText('File: exec-both-0.25-1.25s.mp4');
  // Debian's Chromium encodes H.264 (OpenH264): the form has nothing to warn about.
  await expect(form.getByTestId('video-codec-note')).toHaveCount(0);
  const { file, name } = await startAndSave(page, form);
  expect(name).toBe('exec-both-0.25-1.25s.mp4');
  const mp4 = expectMp4(file, { codec: 'avc1', frames: 30, seconds: 1, fps: 30, width: 640 });
  expect(['isom', 'mp42', 'mp41', 'avc1']).toContain(mp4.majorBrand);
  const played = await playVideo(page, file, 'video/mp4', 0.5);
  expect(Math.abs(played.duration - 1)).toBeLessThanOrEqual(1 / 30);
  expect(played).toMatchObject({ width: 640, height: mp4.video.height });
  expect(played.playedTo).toBeGreaterThan(0);
  keepPng(played.frame, 'exec-both-mp4-frame.png');
});

test('the same range as WebM: 1× lasts about 1 s, 2× about half, with every planned frame; a <video> plays both', async ({ page, obra }) => {
  test.setTimeout(150_000);
  await runExec(page, obra.url);
  let form = await openVideoForm(page);
  // "Whole run" puts the run's end in To.
  await form.getByRole('button', { name: 'Whole run' }).click();
  await expect(form.getByRole('textbox', { name: 'From' })).toHaveValue('0.000');
  expect(Number(await form.getByRole('textbox', { name: 'To' }).inputValue())).toBeGreaterThan(1.25);
  await fillVideoForm(form, { format: 'WebM', from: '0.250', to: '1.250' });
  const oneX = (await startAndSave(page, form)).file;
  expect(oneX).toMatch(/exec-both-0\.25-1\.25s\.webm$/);
  const bytes = new Uint8Array(fs.readFileSync(oneX));
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  const clip = readWebm(bytes);
  expect(clip.codec).toMatch(/^V_VP[89]$/);
  expect(clip).toMatchObject({ width: 640 });
  expect(clip.frames.length).toBe(30);
  expect(clip.frames[0].key).toBe(true);
  const oneXMs = webmDurationMs(bytes)!;
  expect(Math.abs(oneXMs - 1_000)).toBeLessThanOrEqual(1_000 / 30);
  const played = await playVideo(page, oneX, 'video/webm', 0.5);
  expect(Math.abs(played.duration - 1)).toBeLessThanOrEqual(1 / 30);
  expect(played.playedTo).toBeGreaterThan(0);
  keepPng(played.frame, 'exec-both-webm-frame.png');

  form = await openVideoForm(page);
  await fillVideoForm(form, { format: 'WebM', from: '0.250', to: '1.250', speed: '2' });
  expect(await plannedFrames(form)).toBe(15);
  const twoX = new Uint8Array(fs.readFileSync((await startAndSave(page, form)).file));
  expect(readWebm(twoX).frames.length).toBe(15);
  expect(webmDurationMs(twoX)! / oneXMs).toBeCloseTo(0.5, 2);
});

test('where H.264 cannot be encoded the form says so, and the MP4 holds VP9 that a <video> plays', async ({ page, obra }) => {
  test.setTimeout(120_000);
  await withoutH264(page);
  await runExec(page, obra.url);
  const form = await openVideoForm(page);
  await fillVideoForm(form, { format: 'MP4', from: '0.250', to: '0.750' });
  await expect(form.getByTestId('video-codec-note')).toHaveText(/^This browser cannot encode H\.264: the MP4 will hold VP9\. PowerPoint plays it on Windows 10 and 11/);
  await page.screenshot({ path: path.join(OUT, 'video-form-no-h264.png') });
  // A WebM or a GIF has nothing to say about H.264.
  await form.getByRole('radio', { name: /^GIF\b/ }).check();
  await expect(form.getByTestId('video-codec-note')).toHaveCount(0);
  await fillVideoForm(form, { format: 'MP4', from: '0.250', to: '0.750' });
  const { file } = await startAndSave(page, form);
  expectMp4(file, { codec: 'vp09', frames: 15, seconds: 0.5, fps: 30, width: 640 });
  const played = await playVideo(page, file, 'video/mp4', 0.25);
  expect(Math.abs(played.duration - 0.5)).toBeLessThanOrEqual(1 / 30);
});

test('without WebCodecs, MediaRecorder records the range, and the WebM and the MP4 still get their duration', async ({ page, obra }) => {
  test.setTimeout(150_000);
  await page.addInitScript(() => {
    // A runtime without WebCodecs: what older Electron or another browser may be.
    Reflect.deleteProperty(window, 'VideoEncoder');
  });
  await runExec(page, obra.url);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Timeline', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export video' }).click();
  let form = page.getByRole('dialog', { name: 'Export video' });
  await fillVideoForm(form, { format: 'WebM', from: '0.250', to: '1.250' });
  const webm = (await startAndSave(page, form)).file;
  expect(webm).toMatch(/exec-timeline-0\.25-1\.25s\.webm$/);
  const bytes = new Uint8Array(fs.readFileSync(webm));
  const clip = readWebm(bytes);
  expect(clip.codec).toMatch(/^V_VP[89]$/);
  // Recorded in real time: a busy machine may drop frames, never add a second.
  expect(clip.frames.length).toBeGreaterThanOrEqual(10);
  expect(clip.frames.length).toBeLessThanOrEqual(31);
  expect(clip.frames[0].timestampUs).toBe(0);
  // Real time, so a loaded machine stretches it a little: loose bounds around the 1 s asked for.
  const ms = webmDurationMs(bytes)!;
  expect(ms).toBeGreaterThan(600);
  expect(ms).toBeLessThan(4_000);
  expect(Number.isFinite((await playVideo(page, webm, 'video/webm', 0.2)).duration)).toBe(true);

  form = await openVideoForm(page);
  await fillVideoForm(form, { format: 'MP4', from: '0.250', to: '1.250' });
  await expect(form.getByTestId('video-codec-note')).toHaveCount(0);
  const mp4File = (await startAndSave(page, form)).file;
  const mp4 = readMp4(new Uint8Array(fs.readFileSync(mp4File)));
  expect(mp4.boxes.indexOf('moov')).toBeLessThan(mp4.boxes.indexOf('mdat'));
  expect(mp4.video.codec).toMatch(/^avc[13]$/);
  expect(mp4.video.samples).toBeGreaterThanOrEqual(10);
  expect(mp4.video.seconds).toBeGreaterThan(0.6);
  expect(mp4.video.seconds).toBeLessThan(4);
  const played = await playVideo(page, mp4File, 'video/mp4', 0.2);
  expect(Math.abs(played.duration - mp4.video.seconds)).toBeLessThan(0.1);
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
  await form.getByRole('radio', { name: /^MP4\b/ }).check();
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
  await expect.poll(async () => (await encoders()).closed).toBeGreaterThanOrEqual(1);
  const atCancel = await encoders();
  expect(atCancel.encoded).toBeLessThan(total);
  await page.waitForTimeout(1_000);
  expect((await encoders()).encoded).toBe(atCancel.encoded);
  // The result line fades too: nothing of the export is left on screen, and nothing was saved.
  await expect(page.locator('.export-progress')).toHaveCount(0, { timeout: 10_000 });
  expect(downloads).toBe(0);
});
