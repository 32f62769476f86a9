/**
 * Compare, in real Chromium through `obra serve` at 1920×1080: "all-cores:
 * 1 worker vs N" really runs the demo twice (1 worker, then one per core of
 * this machine), draws both on one time axis, and tabulates figures that are
 * those of the lab's own logs; no process of either run is left alive. And a
 * recording opened from a file is drawn under the shown run, read-only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { LabEvent } from '../../shared/events';
import type { Lab } from '../../electron/lab/index';
import { formatBytes, formatDuration, formatNumber } from '../../renderer/i18n/format';
import { isAlive } from '../fixtures/proc';
import { test, expect } from './fixtures';
import { waitForStatus } from './ui-helpers';

test.use({ viewport: { width: 1920, height: 1080 } });
test.describe.configure({ mode: 'serial' });

/** The ids of the runs the lab starts from now on, in order. */
function watchRuns(lab: Lab): { ids: string[]; stop: () => void } {
  const ids: string[] = [];
  const stop = lab.subscribe((batch) => {
    if (!ids.includes(batch.runId)) ids.push(batch.runId);
  });
  return { ids, stop };
}

/** What the lab's log says, counted here independently of the renderer's summary. */
function counted(log: readonly LabEvent[]) {
  const pids = new Set<number>();
  const apiOf = new Map<string, string>();
  let workers = 0;
  let messages = 0;
  let output = 0;
  for (const e of log) {
    if ((e.type === 'run-start' || e.type === 'spawn' || e.type === 'os-process') && e.pid !== null) pids.add(e.pid);
    if (e.type === 'call') apiOf.set(e.childId, e.api);
    if (e.type === 'spawn' && apiOf.get(e.childId) === 'fork') workers++;
    if (e.type === 'message' && e.dir === 'send') messages += e.count ?? 1;
    if (e.type === 'stdout' || e.type === 'stderr') output += e.bytes;
  }
  const wallUs = Math.max(...log.map((e) => e.t)) - (log.find((e) => e.type === 'run-start')?.t ?? 0);
  return { pids: [...pids], processes: pids.size, workers, messages, output, wallUs };
}

/** Open compare and start "all-cores: 1 worker vs N"; resolves once run 1 is under way, watching the lab's runs. */
async function startOneVsAll(page: Page, lab: Lab, url: string): Promise<ReturnType<typeof watchRuns>> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const runs = watchRuns(lab);
  await page.getByRole('button', { name: 'all-cores: 1 worker vs N' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Running 1 of 2…' })).toBeVisible();
  return runs;
}

const cell = (page: Page, figure: string, run: 'A' | 'B') => page.locator(`.compare-table tr[data-figure="${figure}"] td[data-run="${run}"]`);
const forkLanes = (page: Page, region: RegExp) => page.getByRole('region', { name: region }).getByRole('list', { name: 'Processes' }).locator('.kind-badge.kind-fork');

/** The pids in a Processes list, top to bottom. */
async function pidsShown(page: Page, list = page.getByRole('list', { name: 'Processes' })): Promise<number[]> {
  const texts = await list.getByRole('listitem').allTextContents();
  return texts.map((t) => Number(/^\s*(\d+)/.exec(t)?.[1])).filter((n) => n > 0);
}

test('a recording opened from a file: drawn under the shown run on the same time axis, read-only', async ({ page, obra, saveScreenshot }) => {
  // A recording of one run of the fork demo, saved from the page.
  const runs = watchRuns(obra.lab);
  /** The pids of the lab's k-th run, once the (paced) Processes list shows them all. */
  const listedPidsOfRun = async (k: number): Promise<number[]> => {
    const inLog = counted(obra.lab.log(runs.ids[k])).pids.sort((x, y) => x - y);
    await expect.poll(async () => (await pidsShown(page)).sort((x, y) => x - y)).toEqual(inLog);
    return pidsShown(page);
  };
  await page.goto(`${obra.url}#demo=fork`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save recording' }).click()]);
  const first = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'obra-compare-')), download.suggestedFilename());
  await download.saveAs(first);
  const firstPids = await listedPidsOfRun(0);

  // A second run, then the first one opened under it.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  const secondPids = await listedPidsOfRun(1);
  runs.stop();
  let started = 0;
  const stop = obra.lab.subscribe(() => started++);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open the second recording' }).click()]);
  await chooser.setFiles(first);
  const a = page.getByRole('region', { name: /^A: fork/ });
  const b = page.getByRole('region', { name: /^B: fork/ });
  await expect(b.getByRole('list', { name: 'Processes' }).getByRole('listitem').first()).toBeVisible();
  expect(await pidsShown(page, a.getByRole('list', { name: 'Processes' }))).toEqual(secondPids);
  expect(await pidsShown(page, b.getByRole('list', { name: 'Processes' }))).toEqual(firstPids);
  expect(firstPids).not.toEqual(secondPids);
  expect(started, 'batches from the lab while opening a recording to compare').toBe(0);
  stop();
  // Same origin and µs per pixel: the two axes are as wide and start at the same x.
  const [axisA, axisB] = await page.locator('canvas.timeline-axis').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
  expect(axisB.x).toBe(axisA.x);
  expect(axisB.width).toBe(axisA.width);
  await expect(page.locator('.compare-table tr[data-figure="processes"] td[data-run="B"]')).toHaveText(String(firstPids.length));
  await saveScreenshot(page, 'compare-recording');
  await page.getByRole('button', { name: 'Close compare' }).click();
  await expect(page.locator('.stage-area')).toBeVisible();
});

test('all-cores: 1 worker vs N runs twice for real, on one time axis, with the logs’ figures and nothing left alive', async ({ page, obra, saveScreenshot }) => {
  test.setTimeout(180_000);
  const cores = os.availableParallelism();
  await page.goto(obra.url);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const runs = watchRuns(obra.lab);
  await page.getByRole('button', { name: 'all-cores: 1 worker vs N' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Running [12] of 2…$/ })).toBeVisible();
  await saveScreenshot(page, 'compare-running');
  await expect(page.getByRole('status').filter({ hasText: /^Running [12] of 2…$/ })).toHaveCount(0, { timeout: 150_000 });
  runs.stop();

  // Two runs of all-cores: `1`, then one worker per core of this machine.
  expect(runs.ids).toHaveLength(2);
  const logs = runs.ids.map((id) => obra.lab.log(id));
  expect(logs.map((log) => (log[0].type === 'run-start' ? log[0].argv : null))).toEqual([['1'], [String(cores)]]);
  for (const log of logs) expect(log.at(-1)).toMatchObject({ type: 'run-end', reason: 'exit', code: 0 });

  // A = 1 worker, B = N workers: one fork lane, then N.
  const a = /^A: all-cores 1 · /;
  const b = new RegExp(`^B: all-cores ${cores} · `);
  await expect(forkLanes(page, a)).toHaveCount(1);
  await expect(forkLanes(page, b)).toHaveCount(cores);

  // One time axis: both windows start at 0 and end at the same µs, on canvases as wide and as far left.
  const windows = await page.locator('section.compare-run').evaluateAll((sections) => sections.map((s) => [s.getAttribute('data-window-start'), s.getAttribute('data-window-end')]));
  expect(windows).toHaveLength(2);
  expect(windows[0][0]).toBe('0');
  expect(windows[1]).toEqual(windows[0]);
  const longest = Math.max(...logs.map((log) => Math.max(...log.map((e) => e.t))));
  expect(Number(windows[0][1])).toBeGreaterThanOrEqual(longest);
  const [axisA, axisB] = await page.locator('canvas.timeline-axis').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
  expect(axisB.x).toBe(axisA.x);
  expect(axisB.width).toBe(axisA.width);

  // The table: the logs' own numbers.
  const [one, all] = logs.map(counted);
  for (const [run, figures] of [['A', one], ['B', all]] as const) {
    await expect(cell(page, 'processes', run)).toHaveText(formatNumber(figures.processes, 'en'));
    await expect(cell(page, 'workers', run)).toHaveText(formatNumber(figures.workers, 'en'));
    await expect(cell(page, 'messages', run)).toHaveText(formatNumber(figures.messages, 'en'));
    await expect(cell(page, 'output', run)).toHaveText(formatBytes(figures.output, 'en'));
    await expect(cell(page, 'wall', run)).toHaveText(formatDuration(figures.wallUs, 'en'));
    await expect(cell(page, 'cpu', run)).toHaveText(/^[\d.,]+ (ms|s)$/);
  }
  expect([one.workers, all.workers]).toEqual([1, cores]);
  const speed = page.locator('.compare-speed');
  expect(Number(await speed.getAttribute('data-speedup'))).toBeCloseTo(one.wallUs / all.wallUs, 2);
  await expect(speed).toHaveText(/^B is [\d.]+× (faster|slower) than A\.$/);
  await saveScreenshot(page, 'compare-one-vs-all');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ES' }).click();
  await expect(page.locator('.compare-speed')).toHaveText(/^B es [\d,]+× más (rápida|lenta) que A\.$/);
  await expect(page.getByRole('button', { name: 'all-cores: 1 obrero contra N' })).toBeEnabled();
  await saveScreenshot(page, 'compare-one-vs-all-es');

  // Nothing of either run is still alive.
  expect([...one.pids, ...all.pids].filter(isAlive)).toEqual([]);
});

test('Stop ends the comparison: the run going on is stopped, no second run follows, nothing left alive', async ({ page, obra }) => {
  test.setTimeout(120_000);
  const runs = await startOneVsAll(page, obra.lab, obra.url);
  await page.getByRole('button', { name: 'Stop the comparison' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Running [12] of 2…$/ })).toHaveCount(0, { timeout: 60_000 });
  const ends = await Promise.all(runs.ids.map((id) => obra.lab.ended(id)));
  runs.stop();
  // Stop reaches run 1 (or, on a very slow page, the gap before run 2): either way nothing runs on by itself.
  expect(ends.length).toBeGreaterThanOrEqual(1);
  expect(ends.at(-1)?.reason === 'stopped' || ends.length === 1).toBe(true);
  const pids = runs.ids.flatMap((id) => counted(obra.lab.log(id)).pids);
  expect(pids.filter(isAlive)).toEqual([]);
  await expect(page.getByRole('button', { name: 'all-cores: 1 worker vs N' })).toBeEnabled();
});

test('closing compare mid-comparison stops the run going on: nothing outlives the comparison', async ({ page, obra }) => {
  test.setTimeout(120_000);
  const runs = await startOneVsAll(page, obra.lab, obra.url);
  await page.getByRole('button', { name: 'Close compare' }).click();
  await expect(page.locator('.stage-area')).toBeVisible();
  await waitForStatus(page, /Stopped|Finished/);
  const ends = await Promise.all(runs.ids.map((id) => obra.lab.ended(id)));
  runs.stop();
  expect(ends.at(-1)?.reason === 'stopped' || ends.length === 1).toBe(true);
  expect(runs.ids.flatMap((id) => counted(obra.lab.log(id)).pids).filter(isAlive)).toEqual([]);
});
