/**
 * A recording saved from a finished run of the fork demo, then opened again
 * after a reload, in real Chromium through `obra serve` at 1920×1080: the same
 * processes and totals, the lesson told from the file, no process started.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { processItem, waitForStatus } from './ui-helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

const DEMO = 'fork';
// Made when the tests run (not when the file is loaded: Playwright loads it in more than one process), removed after them.
let tmp = '';
test.beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-recording-'));
});
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function pidsShown(page: Page, list = page.getByRole('list', { name: 'Processes' })): Promise<number[]> {
  const texts = await list.getByRole('listitem').allTextContents();
  return texts.map((t) => Number(/^\s*(\d+)/.exec(t)?.[1])).filter((n) => n > 0);
}

async function counters(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of ['processes', 'bytes', 'messages', 'errors']) out[key] = (await page.locator(`[data-counter="${key}"]`).textContent()) ?? '';
  return out;
}

test('save a recording, reload, open it: same processes and totals, no process started', async ({ page, obra }) => {
  await page.goto(`${obra.url}#demo=${DEMO}`);
  let runId = '';
  const watching = obra.lab.subscribe((batch) => (runId ||= batch.runId));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  watching();
  // The panels are paced (≤ 3 s behind the log): read them once they show the whole run.
  const inLog = obra.lab.log(runId).filter((e) => e.type === 'run-start' || e.type === 'spawn').map((e) => e.pid as number);
  await expect.poll(async () => (await pidsShown(page)).sort((a, b) => a - b)).toEqual([...new Set(inLog)].sort((a, b) => a - b));
  const pids = await pidsShown(page);
  const sent = obra.lab.log(runId).filter((e) => e.type === 'message' && e.dir === 'send').reduce((n, e) => n + ((e as { count?: number }).count ?? 1), 0);
  await expect.poll(async () => (await counters(page)).messages).toBe(String(sent));
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
  await expect.poll(() => counters(page)).toEqual(totals);
  // The lesson replays from the file: narration told, a code line marked.
  await expect(page.locator('section.code-panel .code-line.is-focus')).toHaveCount(1);
  expect(started, 'batches from the lab while opening a recording').toBe(0);
  stop();
});
