/**
 * Exports, end to end in Chromium through `obra serve`: a real fork demo run
 * from the UI, then its picture as PNG at 2× (twice the SVG's CSS size, and
 * not blank) and as SVG (parsed by the browser), light and dark, its Chrome
 * trace (every process named, every X with a dur, flow ids unique, narration
 * steps), and the menu by keyboard. Videos: video-export.spec.ts. The files
 * are kept under <results>/export/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import type { LabEvent } from '../../shared/events';
import type { ChromeTrace } from '../../shared/trace';
import { test, expect } from './fixtures';
import { englishAndCleanCsp, inBlankPage, OUT } from './export-helpers';
import { waitForStatus, watchLab } from './ui-helpers';

test.describe.configure({ mode: 'serial' });
englishAndCleanCsp();

let events: LabEvent[] = [];

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

  // Dark asked for the stage too: the stage inside the picture is drawn on its dark ground.
  await page.getByRole('button', { name: 'Exportar', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Escenario', exact: true }).click();
  const darkStage = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Exportar SVG' }).click();
  const darkFile = path.join(OUT, 'fork-stage-es-dark.svg');
  await (await darkStage).saveAs(darkFile);
  expect(fs.readFileSync(darkFile, 'utf8')).toContain('data-stage-theme="dark"');
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

test('the Export menu works from the keyboard', async ({ page, obra }) => {
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

});

test('E opens the menu from anywhere, and Esc gives the keyboard back to the lesson: the next Space plays, it does not reopen Export', async ({ page, obra }) => {
  await runFork(page, obra);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('e');
  await expect(page.getByRole('menuitemradio', { name: 'Stage and timeline' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.getByRole('menu')).toBeHidden();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});
