/**
 * Exports, end to end in Chromium through `obra serve`: a real fork demo run
 * from the UI, then its picture as PNG at 2× (twice the SVG's CSS size, and
 * not blank) and as SVG (parsed by the browser), its Chrome trace (every
 * process named, every X with a dur, flow ids unique, narration steps), and a
 * short WebM (a non-zero Duration) by WebCodecs and by the MediaRecorder
 * fallback. The files are kept under <results>/export/ to be looked at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import type { LabEvent } from '../../shared/events';
import type { ChromeTrace } from '../../shared/trace';
import { readWebm, webmDurationMs } from '../../renderer/export/webm/ebmlReader';
import { test, expect, ROOT } from './fixtures';
import { waitForStatus, watchLab } from './ui-helpers';

test.describe.configure({ mode: 'serial' });

const OUT = path.resolve(ROOT, process.env.OBRA_TEST_RESULTS ?? 'test-results', 'export');
let events: LabEvent[] = [];

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (localStorage.getItem('obra.lang') === null) localStorage.setItem('obra.lang', 'en');
    // Exports draw SVG through blob: images and download blob: URLs: all inside the page's CSP.
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});

async function runFork(page: Page, obra: { url: string; lab: Parameters<typeof watchLab>[0] }): Promise<void> {
  const lab = watchLab(obra.lab);
  await page.goto(`${obra.url}#demo=fork`);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  lab.stop();
  events = lab.latest();
}

/** Pick a menu item and keep what it downloads under OUT. */
async function exportFile(page: Page, item: string, timeout = 30_000): Promise<{ file: string; download: Download }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download', { timeout });
  await page.getByRole('menuitem', { name: item }).click();
  const download = await downloading;
  const file = path.join(OUT, download.suggestedFilename());
  await download.saveAs(file);
  return { file, download };
}

const pids = (): number[] => [...new Set(events.filter((e) => e.type === 'run-start' || e.type === 'spawn').map((e) => e.pid as number))];

test('a picture of the fork demo: PNG at 2× is twice the SVG’s size and not blank; the SVG parses and names every process', async ({ page, obra }) => {
  await runFork(page, obra);
  const svg = await exportFile(page, 'Export SVG');
  expect(svg.download.suggestedFilename()).toBe('fork-both.svg');
  const text = fs.readFileSync(svg.file, 'utf8');
  // Parsed in a page of its own: the stage's drawing keeps its style="" attributes, which
  // the app's CSP (style-src 'self') would report if parsed into a document of the app's page.
  const parsed = await inBlankPage(page, (source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.width).toBe(1280);
  for (const pid of pids()) expect(parsed.texts).toContain(String(pid));
  expect(parsed.texts[0]).toContain('fork');
  expect(parsed.texts.some((t) => /^\d[\d.,]* (µs|ms|s)$/.test(t))).toBe(true);

  const png = await exportFile(page, 'Export PNG 2×');
  expect(png.download.suggestedFilename()).toBe('fork-both@2x.png');
  const bytes = fs.readFileSync(png.file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: 2 * parsed.width, height: 2 * parsed.height });
  // Not blank: decoded in the page, its pixels take many colours (paper, ink, the kinds' colours, antialiasing).
  const colours = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      if (data[i] + data[i + 1] + data[i + 2] < 200) ink++;
    }
    return { distinct: seen.size, inkShare: ink / (data.length / 4) };
  }, bytes.toString('base64'));
  expect(colours.distinct).toBeGreaterThan(200);
  expect(colours.inkShare).toBeGreaterThan(0.005);

  // The timeline alone, in Spanish and dark, for a slide: looked at by hand.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ES' }).click();
  await page.getByRole('button', { name: 'Exportar', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Línea de tiempo', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Oscuro' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Exportar PNG 1×' }).click();
  await (await downloading).saveAs(path.join(OUT, 'fork-timeline-es-dark.png'));
});

test('the trace of the fork demo names every process, gives every X a dur, never reuses a flow id, and tells the narration', async ({ page, obra }) => {
  await runFork(page, obra);
  const { file, download } = await exportFile(page, 'Export trace');
  expect(download.suggestedFilename()).toBe('fork.trace.json');
  const trace = JSON.parse(fs.readFileSync(file, 'utf8')) as ChromeTrace;
  const named = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => e.pid));
  for (const pid of pids()) expect(named, `process ${pid} named`).toContain(pid);
  const slices = trace.traceEvents.filter((e) => e.ph === 'X');
  expect(slices.length).toBeGreaterThan(4);
  for (const slice of slices) expect(typeof slice.dur, slice.name).toBe('number');
  const outs = trace.traceEvents.filter((e) => e.flow_out).map((e) => e.bind_id);
  const ins = trace.traceEvents.filter((e) => e.flow_in).map((e) => e.bind_id);
  expect(outs.length).toBeGreaterThan(0);
  expect(new Set(outs).size).toBe(outs.length);
  expect(new Set(ins).size).toBe(ins.length);
  expect([...ins].sort()).toEqual([...outs].sort());
  const steps = trace.traceEvents.filter((e) => e.cat === 'narration');
  expect(steps.length).toBeGreaterThan(2);
  for (const step of steps) expect(step).toMatchObject({ ph: 'i', s: 'g' });
  expect(steps[0].name).toMatch(/^1\. /);
});

/** Run `fn` in a blank page of the same browser: no app, no app CSP. */
async function inBlankPage<R>(page: Page, fn: (arg: string) => R | Promise<R>, arg: string): Promise<R> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(fn, arg);
  } finally {
    await blank.close();
  }
}

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

async function checkClip(page: Page, file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const clip = readWebm(bytes);
  expect(clip.codec).toMatch(/^V_VP[89]$/);
  expect(clip.width).toBe(1280);
  expect(clip.frames.length).toBeGreaterThanOrEqual(60);
  expect(webmDurationMs(bytes)).toBeGreaterThan(2_500);
  const played = await playedDuration(page, file);
  expect(Number.isFinite(played)).toBe(true);
  expect(played).toBeGreaterThan(2.5);
}

test('a video of the fork demo, by WebCodecs, shows its progress and has a Duration a player reads', async ({ page, obra }) => {
  test.setTimeout(120_000);
  await runFork(page, obra);
  expect(await page.evaluate(() => typeof VideoEncoder)).toBe('function');
  const exporting = exportFile(page, 'Export video', 90_000);
  await expect(page.getByRole('progressbar', { name: 'Exporting video' })).toBeVisible();
  const { file, download } = await exporting;
  expect(download.suggestedFilename()).toBe('fork-both.webm');
  await expect(page.getByText('Video saved')).toBeVisible();
  await checkClip(page, file);
});

test('without WebCodecs, the video is recorded by MediaRecorder and still gets its Duration', async ({ page, obra }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    // A runtime without WebCodecs: what older Electron or another browser may be.
    Reflect.deleteProperty(window, 'VideoEncoder');
  });
  await runFork(page, obra);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Timeline', exact: true }).click();
  const downloading = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('menuitem', { name: 'Export video' }).click();
  const download = await downloading;
  const file = path.join(OUT, 'fork-timeline-recorded.webm');
  await download.saveAs(file);
  await checkClip(page, file);
});

test('the Export menu works from the keyboard, and Cancel stops a video without a download', async ({ page, obra }) => {
  await runFork(page, obra);
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemradio', { name: 'Stage and timeline' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Export video' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Export SVG' })).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloading).suggestedFilename()).toBe('fork-both.svg');
  await expect(button).toBeFocused();

  let downloads = 0;
  page.on('download', () => downloads++);
  await button.click();
  await page.getByRole('menuitem', { name: 'Export video' }).click();
  await expect(page.getByRole('progressbar', { name: 'Exporting video' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Video export cancelled')).toBeVisible();
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
});
