/**
 * One moment, one truth: in real Chromium through `obra serve`, on real demo
 * runs, every panel shows only what has happened by the playhead — the error
 * banner, the counters, the inspector, the narration and the code mark — and
 * they all move with it at once when the reader steps or plays.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { LabEvent } from '../../shared/events';
import { currentLine, narrate } from '../../shared/narration';
import { DemoCatalogue } from '../../electron/lab/demo-catalogue';
import { test, expect, ROOT } from './fixtures';
import { bossOutput, processItem } from './ui-helpers';
import { runToEnd } from './run-helpers';

test.use({ viewport: { width: 1600, height: 900 } });

async function moveTo(page: Page, us: number): Promise<void> {
  await page.getByRole('slider', { name: 'Playhead' }).fill(String(us));
}

const playhead = async (page: Page): Promise<number> => Number(await page.getByRole('slider', { name: 'Playhead' }).inputValue());

async function stepsOf(demo: string) {
  return (await new DemoCatalogue(path.join(ROOT, 'assets', 'demos')).lesson(demo)).steps;
}

test('exec: before the missing command fails, nothing on screen knows it will', async ({ page, obra }) => {
  const log = await runToEnd(page, obra, 'exec');
  const failed = log.find((e) => e.type === 'callback' && e.error !== null);
  const firstExit = log.find((e) => e.type === 'exit' && e.childId !== 'boss');
  expect(failed && firstExit).toBeTruthy();
  // At the end: the banner shows the 127, the counter counts it.
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText('127');
  await expect(page.locator('[data-counter="errors"]')).toHaveText('1');

  // Back to a moment before the first worker exited.
  const before = (firstExit as LabEvent).t - 1;
  await moveTo(page, before);
  await expect(page.getByRole('alert', { name: 'Errors' })).toHaveCount(0);
  await expect(page.locator('[data-counter="errors"]')).toHaveText('0');
  const pidsBefore = new Set(log.filter((e) => e.t <= before && e.pid !== null).map((e) => e.pid));
  await expect(page.locator('[data-counter="processes"]')).toHaveText(String(pidsBefore.size));

  // The worker, inspected then: running, no exit yet.
  await processItem(page, (firstExit as LabEvent).pid as number).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspector).not.toContainText('exited at');
  // (OS sampling may already have missed it — "gone" — but its exit code is not known yet.)
  await expect(inspector).not.toContainText('exit code');
  // Past its exit, the inspector says so.
  await moveTo(page, (firstExit as LabEvent).t);
  await expect(inspector).toContainText('exited at');
});

test('spawn: stepping event by event, the narration and the code mark move with the playhead at once', async ({ page, obra }) => {
  const log = await runToEnd(page, obra, 'spawn');
  const steps = await stepsOf('spawn');
  const narration = page.locator('section.narration-panel');
  await moveTo(page, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Through the first steps of the lesson, one event at a time, without waiting between keys.
  for (let i = 0; i < 24; i++) {
    await page.keyboard.press('ArrowRight');
    const cursor = await playhead(page);
    const lines = narrate(steps, log, cursor, 'en');
    const told = currentLine(lines)?.n;
    const reached = lines.filter((l) => l.reached).length;
    // Read at once: no pace, no lag between the readout and the lesson.
    expect(await narration.getAttribute('data-reached'), `steps reached at ${cursor} µs`).toBe(String(reached));
    expect(await narration.getAttribute('data-current'), `step told at ${cursor} µs`).toBe(told === undefined ? null : String(told));
  }
});

test('spawn: the stage counts the chunks the boss counted, its own printed numbers', async ({ page, obra }) => {
  const log = await runToEnd(page, obra, 'spawn');
  const printed = bossOutput(log);
  const counted = [...printed.matchAll(/in (\d+) chunks/g)].map((m) => Number(m[1]));
  expect(counted).toHaveLength(2);
  const workers = log.filter((e) => e.type === 'spawn').map((e) => e.pid as number);
  const stage = page.getByTestId('stage');
  for (const [i, pid] of workers.entries()) {
    // The worker's line says the same number of chunks as the boss printed.
    const worker = stage.locator(`[data-pid="${pid}"]`);
    await expect(worker).toContainText(new RegExp(`\\b${counted[i].toLocaleString('en-US')} chunks`));
  }
});

test('Spanish: the inspector speaks Spanish, the lesson says "solo" and one time origin', async ({ page, obra }) => {
  await page.addInitScript(() => localStorage.setItem('obra.lang', 'es'));
  const log = await runToEnd(page, obra, 'exec', 'Terminado');
  const boss = log[0].pid as number;
  const sh = log.find((e) => e.type === 'spawn')?.pid as number;
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  for (const pid of [boss, sh]) {
    await page.getByRole('list', { name: 'Procesos' }).getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${pid}\\b`) }).click();
    await expect(inspector).toContainText(`Proceso ${pid}`);
    const words = (await inspector.locator('dt').allTextContents()).join(' | ');
    expect(words, 'row labels in Spanish').not.toMatch(/\b(boss|OS|run|syscall)\b/);
    expect(await inspector.locator('dd').allTextContents(), 'no English value').not.toContain('boss');
  }
  // The demo picker and the lessons: "solo", never "sólo".
  expect(await page.getByLabel('Demo').locator('option').allTextContents()).not.toContainEqual(expect.stringMatching(/sólo/));
});

test('exec: stepping forward, the lesson is told in the order of the run, and the code mark goes into the callback', async ({ page, obra }) => {
  const log = await runToEnd(page, obra, 'exec');
  const narration = page.locator('section.narration-panel');
  await moveTo(page, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const callback = log.find((e) => e.type === 'callback' && e.error === null) as LabEvent;
  await expect.poll(() => playhead(page)).toBe(0);
  const told: number[] = [];
  let sawCallbackMark = false;
  for (let i = 0; i < 60 && (await playhead(page)) < callback.t; i++) {
    await page.keyboard.press('ArrowRight');
    const n = Number((await narration.getAttribute('data-current')) ?? 0);
    if (n !== told.at(-1)) told.push(n);
    if ((await playhead(page)) === callback.t) {
      const marked = page.locator('section.code-panel .code-line.is-focus');
      await expect(marked).toContainText('callback: err');
      sawCallbackMark = true;
    }
  }
  // The shell and the sleep under it (found by OS sampling) are told before the "hola" they came before.
  expect(told, `steps told, in order: ${told.join(' → ')}`).toEqual([...told].sort((a, b) => a - b));
  expect(told).toEqual(expect.arrayContaining([3, 4]));
  expect(sawCallbackMark).toBe(true);
});

test('teaching speed: one clock — at every frame the timeline, the readout, the slider and the stage show the same moment', async ({ page, obra }) => {
  const log = await runToEnd(page, obra, 'exec');
  const end = Math.max(...log.map((e) => e.t));
  await moveTo(page, Math.round(end * 0.3));
  await page.getByRole('checkbox', { name: 'Teaching speed' }).check();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // Read every panel as each frame is about to be painted: a ResizeObserver's callback runs in the frame's
  // rendering step after every animation-frame callback (the replay clock's, the timeline's draw), so what
  // it reads is what that frame shows. A hidden box changes size every frame to make it fire.
  const frames = await page.evaluate(
    () =>
      new Promise<Array<{ slider: number; readout: string; timeline: number; stage: number }>>((resolve) => {
        const slider = document.querySelector<HTMLInputElement>('input.replay-scrub')!;
        const readout = document.querySelector<HTMLOutputElement>('output.replay-time')!;
        const lanes = document.querySelector<HTMLCanvasElement>('canvas.timeline-lanes')!;
        const stage = document.querySelector<HTMLElement>('[data-testid="stage"]')!;
        const out: Array<{ slider: number; readout: string; timeline: number; stage: number }> = [];
        const box = document.body.appendChild(document.createElement('div'));
        box.style.cssText = 'position: fixed; width: 1px; height: 1px; visibility: hidden';
        const started = performance.now();
        const observer = new ResizeObserver(() => {
          out.push({ slider: Number(slider.value), readout: readout.textContent ?? '', timeline: Number(lanes.dataset.cursor), stage: Number(stage.dataset.cursor) });
        });
        observer.observe(box);
        const nudge = (): void => {
          box.style.width = box.style.width === '1px' ? '2px' : '1px';
          if (performance.now() - started < 3_000) requestAnimationFrame(nudge);
          else {
            observer.disconnect();
            box.remove();
            resolve(out);
          }
        };
        requestAnimationFrame(nudge);
      }),
  );
  expect(new Set(frames.map((f) => f.slider)).size, 'the playhead moved').toBeGreaterThan(5);
  const disagreements = frames.filter((f) => {
    // The readout says the slider's moment to the precision it shows (µs, 2 or 1 decimals of ms or s).
    const shown = /^([\d.,]+) (µs|ms|s) \//.exec(f.readout);
    if (!shown) return true;
    const digits = shown[1].split('.')[1]?.length ?? 0;
    const unit = { µs: 1, ms: 1_000, s: 1_000_000 }[shown[2] as 'µs' | 'ms' | 's'];
    const readoutOff = Math.abs(Number(shown[1].replace(/,/g, '')) * unit - f.slider) > (unit * 10 ** -digits) / 2 + 1;
    return readoutOff || Math.round(f.slider) !== f.timeline || Math.round(f.slider) !== f.stage;
  });
  expect(disagreements.slice(0, 5), `${disagreements.length} of ${frames.length} frames disagree`).toEqual([]);
});
