/**
 * What the video export specs share: a real run of the exec demo, the video
 * form filled in, the file saved under <results>/export/, and the file opened
 * back in a page of its own (the app's CSP keeps media to its origin) — a
 * <video> that loads, plays and shows a frame, or a GIF decoded frame by
 * frame by the browser's own ImageDecoder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { inBlankPage, OUT } from './export-helpers';
import { waitForStatus } from './ui-helpers';

/** The exec demo: a run of 1.5 s and more (a shell sleeps 1 s, then 0.5 s to the next command). */
export async function runExec(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#demo=exec`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
}

export async function openVideoForm(page: Page, words = { export: 'Export', video: 'Export video' }): Promise<Locator> {
  await page.getByRole('button', { name: words.export, exact: true }).click();
  await page.getByRole('menuitem', { name: words.video }).click();
  const form = page.getByRole('dialog', { name: words.video });
  await expect(form).toBeVisible();
  return form;
}

export interface VideoChoice {
  format?: 'MP4' | 'WebM' | 'GIF';
  from: string;
  to: string;
  speed?: string;
  fps?: string;
  width?: string;
}

export async function fillVideoForm(form: Locator, c: VideoChoice): Promise<void> {
  if (c.format) await form.getByRole('radio', { name: new RegExp(`^${c.format}\\b`) }).check();
  await form.getByRole('textbox', { name: 'From' }).fill(c.from);
  await form.getByRole('textbox', { name: 'To' }).fill(c.to);
  await form.getByRole('combobox', { name: 'Speed' }).selectOption(c.speed ?? '1');
  await form.getByRole('combobox', { name: 'Frame rate' }).selectOption(c.fps ?? (c.format === 'GIF' ? '15' : '30'));
  await form.getByRole('combobox', { name: 'Width' }).selectOption(c.width ?? (c.format === 'GIF' ? '480' : '640'));
}

/** The frames the form says the clip will have. */
export async function plannedFrames(form: Locator): Promise<number> {
  const text = await form.getByTestId('video-summary').textContent();
  const match = /\(([\d,]+) frames\)/.exec(text ?? '');
  expect(match, `summary: ${text}`).not.toBeNull();
  return Number(match![1].replace(/,/g, ''));
}

/** Start the export in the form; keep the file under OUT as the name it was offered with. */
export async function startAndSave(page: Page, form: Locator): Promise<{ file: string; name: string }> {
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await form.getByRole('button', { name: 'Start export' }).click();
  await expect(form).toBeHidden();
  const download = await downloading;
  const name = download.suggestedFilename();
  const file = path.join(OUT, name);
  await download.saveAs(file);
  await expect(page.getByText('Video saved')).toBeVisible();
  return { file, name };
}

export interface Played {
  /** What the <video> says it lasts, s. */
  duration: number;
  width: number;
  height: number;
  /** Where playback had got to when it was stopped (it started at 0), s. */
  playedTo: number;
  /** The frame at `at` seconds, as a PNG data URL. */
  frame: string;
}

/** Open a video file in a <video>: its length and size, a few hundred ms of real playback, and a frame at `at` s. */
export async function playVideo(page: Page, file: string, mime: string, at: number): Promise<Played> {
  return inBlankPage(
    page,
    async (arg: string) => {
      const { base64, type, seconds } = JSON.parse(arg) as { base64: string; type: string; seconds: number };
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([bytes], { type }));
      await new Promise((resolve, reject) => {
        video.onloadeddata = resolve;
        video.onerror = () => reject(new Error(`video error ${video.error?.code}: ${video.error?.message}`));
      });
      await video.play();
      await new Promise<void>((resolve) => {
        const check = (): void => (video.currentTime > 0.2 || video.ended ? resolve() : void setTimeout(check, 20));
        check();
      });
      video.pause();
      const playedTo = video.currentTime;
      video.currentTime = seconds;
      await new Promise((resolve) => (video.onseeked = resolve));
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext('2d')!.drawImage(video, 0, 0);
      return { duration: video.duration, width: video.videoWidth, height: video.videoHeight, playedTo, frame: canvas.toDataURL('image/png') };
    },
    JSON.stringify({ base64: fs.readFileSync(file).toString('base64'), type: mime, seconds: at }),
  );
}

export interface DecodedGif {
  frameCount: number;
  /** Each frame's duration as the decoder gives it, µs. */
  durationsUs: number[];
  width: number;
  height: number;
  /** Frame `index` as the decoder composes it (earlier frames showing through), as a PNG data URL. */
  frame: string;
  /** The distinct colours of that frame, as "#rrggbb". */
  colours: string[];
}

/** Decode a GIF with the browser's ImageDecoder (in the app's page: WebCodecs wants a secure context, and bytes pass no CSP): every frame, and frame `index` drawn. */
export async function decodeGif(page: Page, file: string, index: number): Promise<DecodedGif> {
  return page.evaluate(
    async (arg: string) => {
      const { base64, at } = JSON.parse(arg) as { base64: string; at: number };
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const decoder = new ImageDecoder({ data: bytes, type: 'image/gif' });
      await decoder.tracks.ready;
      await decoder.completed;
      const frameCount = decoder.tracks.selectedTrack!.frameCount;
      const durationsUs: number[] = [];
      let picture: VideoFrame | null = null;
      for (let i = 0; i < frameCount; i++) {
        const { image } = await decoder.decode({ frameIndex: i });
        durationsUs.push(image.duration ?? 0);
        if (i === at) picture = image;
        else image.close();
      }
      const frame = picture!;
      const canvas = document.createElement('canvas');
      canvas.width = frame.displayWidth;
      canvas.height = frame.displayHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(frame, 0, 0);
      frame.close();
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<string>();
      for (let i = 0; i < data.length; i += 4) colours.add(`#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
      return { frameCount, durationsUs, width: canvas.width, height: canvas.height, frame: canvas.toDataURL('image/png'), colours: [...colours] };
    },
    JSON.stringify({ base64: fs.readFileSync(file).toString('base64'), at: index }),
  );
}

/** Keep a data-URL PNG under OUT, to be looked at. */
export function keepPng(dataUrl: string, name: string): void {
  fs.writeFileSync(path.join(OUT, name), Buffer.from(dataUrl.split(',')[1], 'base64'));
}
