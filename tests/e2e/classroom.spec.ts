/**
 * The classroom, in real Chromium through `obra serve` at 1920×1080: a demo
 * driven by the keyboard alone, replay stepping that moves the code mark and
 * the narration, projector mode's text sizes and contrast in light and dark,
 * and a recording saved, reopened after a reload (same pids, same totals).
 * (Compare: compare.spec.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { processItem, waitForStatus } from './ui-helpers';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ mode: 'serial' });

const DEMO = 'fork';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-classroom-'));

async function pressUntilDemo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 12 && !page.url().endsWith(`#demo=${id}`); i++) {
    await page.keyboard.press('n');
    await page.waitForTimeout(50);
  }
  await expect(page).toHaveURL(new RegExp(`#demo=${id}$`));
}

/** What the reader sees of the lesson at the playhead: the narration step told and the code line marked. */
async function lessonAt(page: Page): Promise<{ step: number; line: number | null; time: string }> {
  const step = Number((await page.locator('section.narration-panel').getAttribute('data-current')) ?? 0);
  const focus = page.locator('section.code-panel .code-line.is-focus');
  const line = (await focus.count()) > 0 ? Number(await focus.first().getAttribute('data-line')) : null;
  return { step, line, time: await page.getByRole('slider', { name: 'Playhead' }).inputValue() };
}

async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function pidsShown(page: Page, list = page.getByRole('list', { name: 'Processes' })): Promise<number[]> {
  const texts = await list.getByRole('listitem').allTextContents();
  return texts.map((t) => Number(/^\s*(\d+)/.exec(t)?.[1])).filter((n) => n > 0);
}

async function counters(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of ['processes', 'bytes', 'messages', 'errors']) out[key] = (await page.locator(`[data-counter="${key}"]`).textContent()) ?? '';
  return out;
}

test('a whole demo by keyboard alone: pick, run, step back and forward through the lesson', async ({ page, obra }) => {
  await page.goto(obra.url);
  await expect(page.getByRole('button', { name: 'Projector mode' })).toBeVisible();
  await pressUntilDemo(page, DEMO);
  await page.keyboard.press('r');
  await waitForStatus(page, 'Finished');
  await blur(page);

  // The panels catch up with the end of the run at their own pace.
  await expect.poll(async () => (await lessonAt(page)).step).toBeGreaterThanOrEqual(3);
  await expect.poll(async () => (await lessonAt(page)).line).not.toBeNull();
  // A panel is at most 3 s behind the log (renderer/store/liveTicker.ts): read the end once it is shown.
  await page.waitForTimeout(3_100);
  const atEnd = await lessonAt(page);

  // Clicker keys: PageUp goes back one narration step at a time; the code mark follows.
  const seen = [atEnd];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('PageUp');
    const last = seen[seen.length - 1];
    await expect.poll(async () => Number((await lessonAt(page)).time)).toBeLessThan(Number(last.time));
    // The panels follow the playhead at their own pace: the step told changes.
    await expect.poll(async () => (await lessonAt(page)).step).not.toBe(last.step);
    seen.push(await lessonAt(page));
  }
  expect(new Set(seen.map((s) => s.step)).size, `steps told: ${JSON.stringify(seen)}`).toBe(4);
  expect(new Set(seen.map((s) => s.line)).size, `code lines marked: ${JSON.stringify(seen)}`).toBeGreaterThan(1);
  await page.keyboard.press('PageDown');
  await expect.poll(async () => Number((await lessonAt(page)).time)).toBeGreaterThan(Number(seen[seen.length - 1].time));
  await expect.poll(async () => (await lessonAt(page)).step).toBe(seen[seen.length - 2].step);

  // One event at a time: ← and → move the playhead to the previous and next event.
  const before = await lessonAt(page);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await lessonAt(page)).time).not.toBe(before.time);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await lessonAt(page)).time).toBe(before.time);

  // Space plays to the end at teaching speed off, 2×.
  await page.keyboard.press(']');
  await page.getByRole('slider', { name: 'Playhead' }).fill('0');
  await blur(page);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => (await lessonAt(page)).step, { timeout: 20_000 }).toBe(atEnd.step);

  // ? lists every shortcut; B blanks the screen until any key.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('PageDown');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  // Closing the dialog gives focus back to where it was (maybe the speed list, which keeps letters).
  await blur(page);
  await page.keyboard.press('b');
  await expect(page.locator('.blank-screen')).toBeVisible();
  await page.keyboard.press('x');
  await expect(page.locator('.blank-screen')).toBeHidden();
  // E opens the export menu (renderer/export) from the keyboard.
  await page.keyboard.press('e');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
});

/** Every visible text outside the stage's SVG and the canvases: its font size and its contrast on what is behind it. */
async function textMetrics(page: Page) {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const p = (/rgba?\(([^)]*)\)/.exec(c)?.[1] ?? '0,0,0,0').split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1) as Rgba;
    const lum = ([r, g, b]: Rgba): number => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const backgroundOf = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const out: Array<{ text: string; size: number; contrast: number }> = [];
    for (const el of document.querySelectorAll('.app *')) {
      if (el.closest('svg, canvas, .visually-hidden, .blank-screen') || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own && !(el instanceof HTMLSelectElement)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width < 2 || rect.height < 2 || rect.bottom < 0 || rect.top > innerHeight) continue;
      const style = getComputedStyle(el);
      const bg = backgroundOf(el);
      const fg = over(parse(style.color), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      out.push({ text: (el.textContent ?? '').trim().slice(0, 40), size: parseFloat(style.fontSize), contrast: (a + 0.05) / (b + 0.05) });
    }
    return out;
  });
}

/** The smallest font size (CSS px) each timeline canvas drew its text with, as its painter tells it. */
async function canvasFontPx(page: Page): Promise<Array<number | null>> {
  return page.locator('canvas.timeline-axis, canvas.timeline-lanes').evaluateAll((cs) => cs.map((c) => (c instanceof HTMLCanvasElement && c.dataset.minFontPx ? Number(c.dataset.minFontPx) : null)));
}

/** Every visible text of the stage's SVG: its font size on screen (computed size × the drawing's scale) and its box's height. */
async function stageTexts(page: Page): Promise<Array<{ text: string; size: number; height: number }>> {
  return page.locator('.stage-area svg text').evaluateAll((texts) =>
    texts
      .filter((t): t is SVGTextElement => t instanceof SVGTextElement && !!(t.textContent ?? '').trim() && t.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
      .map((t) => {
        const ctm = t.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.b, ctm.d) : 1;
        return { text: (t.textContent ?? '').trim().slice(0, 30), size: parseFloat(getComputedStyle(t).fontSize) * scale, height: t.getBoundingClientRect().height };
      })
      .filter((t) => t.height > 0),
  );
}

for (const theme of ['light', 'dark'] as const) {
  test(`projector mode (${theme}): every text ≥ 24 px and contrast ≥ 7:1, narration as a caption`, async ({ page, obra, saveScreenshot }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${obra.url}#demo=${DEMO}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForStatus(page, 'Finished');
    await saveScreenshot(page, `classroom-desk-${theme}`);
    // At the desk the timeline keeps its small print: 12 px axis labels, exit codes at 10 px.
    await expect.poll(() => canvasFontPx(page)).toEqual([12, 10]);
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await expect(page.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // The theme follows prefers-color-scheme; D switches it and back.
    await page.keyboard.press('d');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', theme);
    await page.keyboard.press('d');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const caption = page.locator('.projector-caption .narration-caption');
    await expect(caption).toBeInViewport({ ratio: 1 });
    // The panels have caught up with the end of the run: the caption tells the last step.
    const slider = page.getByRole('slider', { name: 'Playhead' });
    await expect.poll(async () => (await slider.inputValue()) === (await slider.getAttribute('max'))).toBe(true);
    // 48 px lanes: the process labels stand 48 px apart.
    const boxes = await page.getByRole('list', { name: 'Processes' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getBoundingClientRect().top));
    expect(boxes.length).toBeGreaterThan(1);
    expect(Math.round(boxes[1] - boxes[0])).toBe(48);
    const texts = await textMetrics(page);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => t.size < 24), 'texts under 24 px').toEqual([]);
    expect(texts.filter((t) => t.contrast < 7).map((t) => `${t.text} ${t.contrast.toFixed(2)}`), 'texts under 7:1').toEqual([]);
    // The canvases' text too: the timeline's axis labels, exit codes and error codes.
    await expect.poll(() => canvasFontPx(page)).toEqual([expect.any(Number), expect.any(Number)]);
    expect((await canvasFontPx(page)).filter((px) => px === null || px < 24), 'canvas texts under 24 px').toEqual([]);
    // And the stage's drawing: a text's box is about its font size on screen.
    const stage = await stageTexts(page);
    expect(stage.length).toBeGreaterThan(0);
    expect(stage.filter((t) => t.size < 24 || t.height < 20), 'stage texts under 24 px').toEqual([]);
    await saveScreenshot(page, `classroom-projector-${theme}`);
    await page.keyboard.press('f');
    await expect(page.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'false');
  });
}

test('save a recording, reload, open it: same processes and totals, no process started', async ({ page, obra }) => {
  await page.goto(`${obra.url}#demo=${DEMO}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  const pids = await pidsShown(page);
  const totals = await counters(page);
  expect(pids.length).toBeGreaterThan(1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save recording' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${DEMO}-.*\\.obra\\.json$`));
  const saved = path.join(tmp, download.suggestedFilename());
  await download.saveAs(saved);
  const file = JSON.parse(fs.readFileSync(saved, 'utf8')) as { header: { demoId: string }; events: unknown[]; sources: Array<{ path: string }> };
  expect(file.header.demoId).toBe(DEMO);
  expect(file.sources.map((s) => s.path)).toContain('index.js');

  await page.goto(obra.url);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Processes' }).getByRole('listitem')).toHaveCount(0);
  let started = 0;
  const stop = obra.lab.subscribe(() => started++);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open recording' }).click()]);
  await chooser.setFiles(saved);
  await waitForStatus(page, 'Finished');
  await expect(page).toHaveURL(new RegExp(`#demo=${DEMO}$`));
  for (const pid of pids) await expect(processItem(page, pid)).toBeVisible();
  expect(await counters(page)).toEqual(totals);
  // The lesson replays from the file: narration told, a code line marked.
  await expect(page.locator('section.code-panel .code-line.is-focus')).toHaveCount(1);
  expect(started, 'batches from the lab while opening a recording').toBe(0);
  stop();
});
