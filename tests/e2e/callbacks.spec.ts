/**
 * The event loop's callbacks on screen, in real Chromium through `obra serve` at 1920×1080, on a
 * real run of the event-loop demo: the boss's callback track right under its lane (a slice per
 * callback in its kind's colour, the 100 ms timer's bracket from due to ran), its label on hover,
 * the inspector for a selected callback, and the stage's queue of callbacks at the playhead —
 * growing behind the 1.5 s sum, drained after it. Screenshots in screens/callbacks-*.
 */
import type { Page } from '@playwright/test';
import type { TaskEvent } from '../../shared/events';
import { test, expect } from './fixtures';
import { loadCanvasPixels, shootStageAndTimeline, waitForStatus, watchLab } from './ui-helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

/** The store's time window (exposed with ?perf, as the renderer bench reads it). */
async function timeWindow(page: Page): Promise<{ start: number; end: number }> {
  return page.evaluate(() => (window as unknown as { __obraStore: { getState(): { timeWindow: { start: number; end: number } } } }).__obraStore.getState().timeWindow);
}

test('event-loop: the boss’s callback track, a late timer’s bracket and lateness, and its queue of callbacks growing behind the sum', async ({ page, obra }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const lab = watchLab(obra.lab);
  await page.goto(`${obra.url.replace('?', '?perf=1&')}#demo=event-loop`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  lab.stop();
  const log = lab.latest();
  const boss = log[0].pid as number;
  const tasks = log.filter((e): e is TaskEvent => e.type === 'task' && e.pid === boss);
  const sum = tasks.find((t) => t.label === 'setTimeout 500 ms')!;
  const late = tasks.find((t) => t.label === 'setTimeout 100 ms')!;
  expect(sum.dur).toBeGreaterThanOrEqual(1_400_000);
  expect(late.t - late.due!).toBeGreaterThanOrEqual(1_000_000);

  // The track: labelled "callbacks", right under the boss's lane; the legend names every kind.
  const items = page.getByRole('list', { name: 'Processes' }).getByRole('listitem');
  const track = page.locator(`li[data-tasks="${boss}"]`);
  await expect(track).toContainText('callbacks');
  expect(await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.tasks ?? 'lane'))).toEqual(['lane', String(boss)]);
  await expect(page.getByRole('list', { name: 'callbacks', exact: true })).toContainText('timer');

  // Drawn from the log: the sum's slice in the timer's orange on the track's row, the boss's own lane above it not.
  await page.getByRole('button', { name: 'Live' }).click().catch(() => {});
  const canvas = page.locator('canvas.timeline-lanes');
  const box = (await canvas.boundingBox())!;
  const row = (await track.boundingBox())!;
  const win = await timeWindow(page);
  const xOf = (t: number) => ((t - win.start) / (win.end - win.start)) * box.width;
  const pixel = async (x: number, y: number) => {
    await loadCanvasPixels(canvas);
    return page.evaluate(([px, py]) => {
      const image = (window as unknown as { __canvasPixels: ImageData }).__canvasPixels;
      const at = (Math.round(py) * image.width + Math.round(px)) * 4;
      return [...image.data.slice(at, at + 3)];
    }, [x, y]);
  };
  const sliceY = row.y - box.y + row.height * 0.62;
  expect(await pixel(xOf(sum.t + sum.dur / 2), sliceY)).toEqual([0xe6, 0x9f, 0x00]);

  // Hover the late timer's slice: its label and lateness; a click inspects it.
  const at = { x: box.x + xOf(late.t + late.dur / 2), y: row.y + row.height * 0.62 };
  await page.mouse.move(at.x, at.y);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('setTimeout 100 ms');
  await expect(tooltip).toContainText(/s late/);
  await shootStageAndTimeline(page, 'callbacks-hover-light');
  await page.mouse.click(at.x, at.y);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('lateness');
  await expect(inspector).toContainText(/1[.,]\d+ s late/);
  await expect(inspector).toContainText('index.js:50');

  // The stage at the playhead, in the middle of the sum: the sum runs on top, the 100 ms timer waits behind it.
  const playhead = page.getByRole('slider', { name: 'Playhead' });
  await playhead.fill(String(Math.round(sum.t + sum.dur / 2)));
  const queue = page.getByTestId('stage').locator(`[data-loop-queue="boss ${boss}"]`);
  await expect(queue).toHaveAttribute('data-running', '1');
  await expect(queue).toHaveAttribute('data-waiting', '1');
  const cards = queue.getByRole('listitem');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute('data-card-state', 'running');
  await expect(cards.nth(0)).toHaveAttribute('aria-label', /^setTimeout 500 ms, running · /);
  await expect(cards.nth(1)).toHaveAttribute('aria-label', /^setTimeout 100 ms, waiting · /);
  await shootStageAndTimeline(page, 'callbacks-blocked-light');

  // Before the sum nothing waits; after the late timer ran, nothing does either.
  await playhead.fill(String(Math.round(sum.t - 50_000)));
  await expect(queue).toHaveAttribute('data-waiting', '0');
  await playhead.fill(String(Math.round(late.t + late.dur + 20_000)));
  await expect(queue).toHaveAttribute('data-waiting', '0');
  await expect(queue).toHaveAttribute('data-running', '0');

  // Dark and projector: the same queue, the same track.
  await playhead.fill(String(Math.round(sum.t + sum.dur / 2)));
  await page.keyboard.press('d');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(queue).toHaveAttribute('data-running', '1');
  await shootStageAndTimeline(page, 'callbacks-blocked-dark');
  await page.keyboard.press('p');
  await expect(page.locator('.app.projector')).toBeVisible();
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await shootStageAndTimeline(page, 'callbacks-projector-dark');
});
