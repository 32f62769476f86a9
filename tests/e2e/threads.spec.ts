/**
 * Worker threads on screen, in real Chromium through `obra serve` at
 * 1920×1080, on a real run of the worker-threads demo: each thread a lane
 * nested under its process (a badge of its own) and a figure of its own on
 * the stage, alive between its online and its exit at the playhead; in light,
 * dark and projector mode, with no serious accessibility violation.
 * Screenshots in screens/threads-*.
 */
import AxeBuilder from '@axe-core/playwright';
import type { ThreadEvent } from '../../shared/events';
import { test, expect } from './fixtures';
import { shootStageAndTimeline } from './ui-helpers';
import { runToEnd } from './run-helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

test('worker-threads: each thread a nested lane and a figure of its own, alive between online and exit, in light, dark and projector mode', async ({ page, obra }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const log = await runToEnd(page, obra, 'worker-threads');
  const boss = log[0].pid as number;
  const threads = log.filter((e): e is ThreadEvent => e.type === 'thread');
  const ids = threads.filter((e) => e.state === 'start').map((e) => e.thread);
  expect(ids.length).toBeGreaterThanOrEqual(1);

  // The timeline: the boss's lane, then its threads right under it, each badged "thread", then the forked processes
  // (each lane with its callback track right under it).
  const items = page.getByRole('list', { name: 'Processes' }).getByRole('listitem');
  const rows = await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.thread ?? ((li as HTMLElement).dataset.tasks ? 'callbacks' : 'process')));
  expect(rows.filter((row) => row !== 'callbacks').slice(0, 1 + ids.length)).toEqual(['process', ...ids.map(String)]);
  expect(rows.slice(0, 2)).toEqual(['process', 'callbacks']);
  const thread1 = items.filter({ has: page.locator('[data-thread="1"]') }).or(page.locator('li[data-thread="1"]'));
  await expect(thread1.locator('.kind-thread')).toHaveText('thread');
  await expect(thread1).toContainText('helper.js');

  // The stage: a figure per thread, named as a thread of the boss's process.
  const stage = page.getByTestId('stage');
  const figures = stage.locator('[data-kind="thread"]');
  await expect(figures).toHaveCount(ids.length);
  await expect(figures.first()).toHaveAttribute('aria-label', new RegExp(`^thread 1 of process ${boss}, Worker, .*helper\\.js`));
  await expect(figures.first()).toContainText('t1');
  await expect(figures.first()).toContainText('Worker');

  // At the playhead: starting before online, running between online and exit, ended after.
  const life = (state: string) => threads.find((e) => e.thread === 1 && e.state === state)!.t;
  const playhead = page.getByRole('slider', { name: 'Playhead' });
  await playhead.fill(String(Math.round((life('start') + life('online')) / 2)));
  await expect(figures.first()).toHaveAttribute('data-status', 'starting');
  await playhead.fill(String(Math.round((life('online') + life('exit')) / 2)));
  await expect(figures.first()).toHaveAttribute('data-status', 'running');
  await shootStageAndTimeline(page, 'threads-running-light');
  await playhead.fill(String(life('exit') + 1));
  await expect(figures.first()).toHaveAttribute('data-status', 'exited');
  await playhead.fill(String(Math.round((life('online') + life('exit')) / 2)));

  const serious = async (): Promise<string[]> =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " " + (n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 160)).join(" | ")}`);
  expect(await serious(), 'light').toEqual([]);
  await page.keyboard.press('d');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await serious(), 'dark').toEqual([]);
  await shootStageAndTimeline(page, 'threads-running-dark');
  await page.keyboard.press('p');
  await expect(page.locator('.app.projector')).toBeVisible();
  await expect(figures).toHaveCount(ids.length);
  expect(await serious(), 'projector').toEqual([]);
  await shootStageAndTimeline(page, 'threads-projector-dark');
});
