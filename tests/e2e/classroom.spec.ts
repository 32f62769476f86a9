/**
 * The classroom, in real Chromium through `obra serve` at 1920×1080: a demo
 * driven by the keyboard alone, replay stepping that moves the code mark and
 * the narration, projector mode's text sizes and contrast in light and dark.
 * (A recording saved and reopened: recording-reopen.spec.ts; compare: compare.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { bossOutput, loadCanvasPixels, waitForStatus } from './ui-helpers';
import { runToEnd } from './run-helpers';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ mode: 'serial' });

const DEMO = 'fork';

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

/**
 * Every visible text of the stage's SVG: its font size on screen (computed size × the drawing's scale), its
 * box's height, and its contrast on what is drawn under it — its halo when it has one, else the shapes under
 * three points of its box (the worst of the three), each composed with its opacity down to an opaque one.
 */
async function stageTexts(page: Page): Promise<Array<{ text: string; size: number; height: number; contrast: number; fill: string; ground: string }>> {
  return page.locator('.stage-area svg').first().evaluate((svg) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba | null => {
      const m = /rgba?\(([^)]*)\)/.exec(c);
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1) as Rgba;
    const lum = ([r, g, b]: Rgba): number => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: Rgba, b: Rgba): number => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const opacityOf = (el: Element): number => {
      let o = Number(getComputedStyle(el).fillOpacity);
      for (let e: Element | null = el; e && e !== svg.parentElement; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    // Hit-test every shape, even those drawn without pointer events (what is in the air).
    for (const el of svg.querySelectorAll('*')) if (el instanceof SVGElement) el.style.pointerEvents = 'visiblePainted';
    // What a text is drawn on: the shapes under it, not those painted after it (an envelope in the
    // air over a flag hides part of its text for a moment; it is not the text's ground).
    const groundAt = (x: number, y: number, text: Element): Rgba => {
      const layers: Rgba[] = [];
      for (const el of document.elementsFromPoint(x, y)) {
        if (!svg.contains(el) || el === svg || el instanceof SVGTextContentElement || !(el instanceof SVGGeometryElement)) continue;
        if (text.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) continue;
        const fill = parse(getComputedStyle(el).fill);
        if (!fill) continue;
        const layer: Rgba = [fill[0], fill[1], fill[2], fill[3] * opacityOf(el)];
        if (layer[3] <= 0) continue;
        layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const out: Array<{ text: string; size: number; height: number; contrast: number; fill: string; ground: string }> = [];
    for (const t of svg.querySelectorAll('text, tspan')) {
      if (!(t instanceof SVGTextContentElement)) continue;
      const own = [...t.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own || !t.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const box = t.getBoundingClientRect();
      if (box.height <= 0) continue;
      const style = getComputedStyle(t);
      const ctm = t.getScreenCTM();
      const size = parseFloat(style.fontSize) * (ctm ? Math.hypot(ctm.b, ctm.d) : 1);
      const fill = parse(style.fill) ?? [0, 0, 0, 1];
      const halo = parse(style.stroke);
      const grounds = halo && style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) >= parseFloat(style.fontSize) * 0.2
        ? [halo]
        : [0.25, 0.5, 0.75].map((f) => groundAt(box.left + box.width * f, box.top + box.height / 2, t));
      const worst = grounds.reduce((w, g) => (ratio(over(fill, g), g) < ratio(over(fill, w), w) ? g : w));
      out.push({
        text: (t.textContent ?? '').trim().slice(0, 30), size, height: box.height, contrast: ratio(over(fill, worst), worst),
        fill: style.fill, ground: `rgb(${worst.slice(0, 3).map(Math.round).join(', ')})`,
      });
    }
    return out;
  });
}

/** The colour most of a canvas's pixels have (its paper), as a relative luminance and a string to compare. */
async function canvasPaper(page: Page, selector: string): Promise<{ luminance: number; colour: string; hash: number }> {
  // The axis is read back from its canvas (a transparent paper shows as such); the lanes, which a
  // worker draws, from the screen.
  const canvas = page.locator(selector).first();
  const own = await canvas.evaluate((c) => (c as HTMLCanvasElement).dataset.drawnBy !== 'worker');
  if (!own) await loadCanvasPixels(canvas);
  return canvas.evaluate((c) => {
    const el = c as HTMLCanvasElement;
    const shown = (window as unknown as { __canvasPixels?: ImageData }).__canvasPixels;
    const data = el.dataset.drawnBy === 'worker' ? (shown?.data ?? new Uint8ClampedArray()) : (el.getContext('2d')?.getImageData(0, 0, el.width, el.height).data ?? new Uint8ClampedArray());
    const counts = new Map<string, number>();
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) % 1_000_000_007;
    }
    const colour = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '0,0,0,0';
    const [r, g, b, a] = colour.split(',').map(Number);
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    // A transparent paper is no paper: count it as the opposite of what either theme wants.
    return { luminance: a < 255 ? 0.5 : 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b), colour, hash };
  });
}

/** The stage's ground (its first rectangle, as wide as the drawing): its relative luminance. */
async function stageGround(page: Page): Promise<number> {
  return page.locator('.stage-area svg > rect').first().evaluate((r) => {
    const [red, green, blue] = (/rgba?\(([^)]*)\)/.exec(getComputedStyle(r).fill)?.[1] ?? '0,0,0').split(/[\s,]+/).map(Number);
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(red) + 0.7152 * f(green) + 0.0722 * f(blue);
  });
}

/** Dark paper below this luminance, light paper above the other. */
const DARK_BELOW = 0.03;
const LIGHT_ABOVE = 0.8;

function expectPaper(theme: 'light' | 'dark', luminance: number, what: string): void {
  if (theme === 'dark') expect(luminance, `${what} is dark`).toBeLessThan(DARK_BELOW);
  else expect(luminance, `${what} is light`).toBeGreaterThan(LIGHT_ABOVE);
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
    // And the stage's drawing: a text's box is about its font size on screen; 26 px at least (24 with room to spare).
    const stage = await stageTexts(page);
    expect(stage.length).toBeGreaterThan(0);
    expect(stage.filter((t) => t.size < 26 || t.height < 20), 'stage texts under 26 px').toEqual([]);
    expect(stage.filter((t) => t.contrast < 7).map((t) => `${t.text}: ${t.fill} on ${t.ground} ${t.contrast.toFixed(2)}`), 'stage texts under 7:1').toEqual([]);
    // The stage and the timeline's canvases are drawn in the theme: their paper is dark in dark, light in light.
    expectPaper(theme, await stageGround(page), 'the stage ground');
    expectPaper(theme, (await canvasPaper(page, 'canvas.timeline-lanes')).luminance, 'the lanes canvas');
    expectPaper(theme, (await canvasPaper(page, 'canvas.timeline-axis')).luminance, 'the axis canvas');
    await saveScreenshot(page, `classroom-projector-${theme}`);
    await page.keyboard.press('f');
    await expect(page.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'false');
  });
}

/** The round each worker stands in: the nearest heading line above its figure that spans it. */
async function roundsOnStage(page: Page, pids: number[]): Promise<number[]> {
  const lines = await page.locator('[data-round]').evaluateAll((gs) =>
    gs.map((g) => ({ round: Number(g.getAttribute('data-round')), box: g.querySelector('line')!.getBoundingClientRect().toJSON() as DOMRect })),
  );
  const rounds: number[] = [];
  for (const pid of pids) {
    const figure = (await page.getByTestId('stage').locator(`[data-pid="${pid}"]`).boundingBox())!;
    const middle = figure.x + figure.width / 2;
    const above = lines.filter((l) => l.box.y <= figure.y + figure.height / 2 && middle >= l.box.x && middle <= l.box.x + l.box.width);
    rounds.push(above.sort((a, b) => b.box.y - a.box.y)[0]?.round ?? 0);
  }
  return rounds;
}

test('D repaints the stage and the timeline in the other theme; a demo of many workers reads in both, in its two rounds', async ({ page, obra, saveScreenshot }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const log = await runToEnd(page, obra, 'all-cores');
  // The boss hired one worker, then — once it was done — one per core: two rounds on the stage, each under its heading.
  const forks = log.filter((e) => e.type === 'spawn').map((e) => e.pid as number);
  const cores = Number(/availableParallelism\(\) = (\d+)/.exec(bossOutput(log))?.[1]);
  expect(forks).toHaveLength(1 + cores);
  await expect(page.locator('[data-round="1"]')).toHaveText('Round 1 · 1 worker');
  await expect(page.locator('[data-round="2"]')).toHaveText(`Round 2 · ${cores} workers`);
  expect(await roundsOnStage(page, forks)).toEqual([1, ...forks.slice(1).map(() => 2)]);
  await page.getByRole('button', { name: 'Projector mode' }).click();
  await blur(page);
  const slider = page.getByRole('slider', { name: 'Playhead' });
  await expect.poll(async () => (await slider.inputValue()) === (await slider.getAttribute('max'))).toBe(true);
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      const before = await canvasPaper(page, 'canvas.timeline-lanes');
      await page.keyboard.press('d');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      // The canvas is painted again, on its dark paper: its pixels change.
      await expect.poll(async () => (await canvasPaper(page, 'canvas.timeline-lanes')).hash).not.toBe(before.hash);
    }
    await expect.poll(async () => (await canvasPaper(page, 'canvas.timeline-lanes')).luminance < DARK_BELOW).toBe(theme === 'dark');
    await expect.poll(async () => (await stageGround(page)) < DARK_BELOW).toBe(theme === 'dark');
    expectPaper(theme, (await canvasPaper(page, 'canvas.timeline-axis')).luminance, 'the axis canvas');
    const stage = await stageTexts(page);
    expect(stage.length).toBeGreaterThan(3);
    expect(stage.filter((t) => t.size < 26).map((t) => `${t.text} ${t.size.toFixed(1)}`), `${theme}: stage texts under 26 px`).toEqual([]);
    expect(stage.filter((t) => t.contrast < 7).map((t) => `${t.text}: ${t.fill} on ${t.ground} ${t.contrast.toFixed(2)}`), `${theme}: stage texts under 7:1`).toEqual([]);
    if (theme === 'light') expect(await roundsOnStage(page, forks), 'on the projector too').toEqual([1, ...forks.slice(1).map(() => 2)]);
    await saveScreenshot(page, `classroom-projector-all-cores-${theme}`);
  }
  await page.keyboard.press('f');
});
