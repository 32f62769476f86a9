/**
 * An NDJSON recording (`obra record`'s form) opened through Open recording, in
 * real Chromium through `obra serve`: its lines read and checked in a worker,
 * the page building the events in batches and sharing their repeated texts.
 * The file is a real run of the fork demo, its events repeated later and later
 * in time until it spans many batches. What the page holds is the file's log,
 * event for event and field for field; a refused line deep in the file is
 * named, and every event before it is shown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { LabEvent } from '../../shared/events';
import { test, expect } from './fixtures';
import { waitForStatus } from './ui-helpers';

test.use({ viewport: { width: 1280, height: 800 } });

let tmp = '';
test.beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-recording-open-'));
});
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Events past the page's batches of 8,000: many batches, and a last one partly full. */
const EVENTS = 30_001;

/** The run's events after its run-start, repeated `count` long, each copy later by the run's length (a timer's `due` too). */
function repeated(log: readonly LabEvent[], count: number): LabEvent[] {
  const body = log.filter((e) => e.type !== 'run-start' && e.type !== 'run-end');
  const span = log[log.length - 1].t + 1;
  const out: LabEvent[] = [log[0]];
  for (let k = 0; out.length < count; k++) {
    for (const e of body) {
      if (out.length >= count) break;
      out.push({ ...e, t: e.t + k * span, ...(e.type === 'task' && e.due !== undefined ? { due: e.due + k * span } : {}) } as LabEvent);
    }
  }
  return out;
}

async function openFile(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open recording' }).click()]);
  await chooser.setFiles(file);
}

/** The page with its store where a test can read it (`perf`, as the benches open it). */
const perfUrl = (url: string): string => url.replace('?', '?perf=1&');

/** The page's log, as JSON text (what the views read). */
const pageLog = (page: Page): Promise<string> =>
  page.evaluate(() => JSON.stringify((window as unknown as { __obraStore: { getState(): { run: { events: unknown[] } | null } } }).__obraStore.getState().run?.events ?? null));

test('an NDJSON recording of many batches opens as its lines hold it, event for event', async ({ page, obra }) => {
  const { runId, header } = await obra.lab.startRun({ demoId: 'fork' });
  await obra.lab.ended(runId);
  const events = repeated(obra.lab.log(runId), EVENTS);
  const file = path.join(tmp, 'fork-long.ndjson');
  // CRLF endings and a blank line, as a file edited on Windows may have.
  fs.writeFileSync(file, [JSON.stringify(header), '', ...events.map((e) => JSON.stringify(e))].join('\r\n') + '\r\n');

  await page.goto(perfUrl(obra.url));
  await openFile(page, file);
  await waitForStatus(page, 'Finished');
  expect(await pageLog(page)).toBe(JSON.stringify(events));
});

test('a refused line deep in the file is named, and every event before it is shown', async ({ page, obra }) => {
  const { runId, header } = await obra.lab.startRun({ demoId: 'fork' });
  await obra.lab.ended(runId);
  const events = repeated(obra.lab.log(runId), EVENTS);
  const bad = 20_000;
  const lines = [JSON.stringify(header), ...events.map((e) => JSON.stringify(e))];
  lines[bad] = '{"type":"exit","t":1,"pid":7,"childId":"7:1","code":"zero","signal":null}';
  const file = path.join(tmp, 'fork-bad.ndjson');
  fs.writeFileSync(file, lines.join('\n') + '\n');

  await page.goto(perfUrl(obra.url));
  await openFile(page, file);
  const banner = page.getByRole('alert');
  await expect(banner.locator('.notice-code')).toHaveText('ERR_OBRA_RECORDING', { timeout: 30_000 });
  await expect(banner.locator('.notice-message')).toContainText(`line ${bad + 1}: exit: code must be an integer or null`);
  // Line 1 is the header: the events of lines 2..bad are shown, nothing after.
  expect(await pageLog(page)).toBe(JSON.stringify(events.slice(0, bad - 1)));
});

test("opened as the compare view's second run, an NDJSON recording is streamed the same way, every message counted", async ({ page, obra }) => {
  const { runId, header } = await obra.lab.startRun({ demoId: 'fork' });
  await obra.lab.ended(runId);
  const events = repeated(obra.lab.log(runId), EVENTS);
  const file = path.join(tmp, 'fork-compare.ndjson');
  fs.writeFileSync(file, [JSON.stringify(header), ...events.map((e) => JSON.stringify(e))].join('\n') + '\n');
  const sent = events.filter((e) => e.type === 'message' && e.dir === 'send').length;

  await page.goto(perfUrl(obra.url));
  await openFile(page, file);
  await waitForStatus(page, 'Finished');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  // Streamed by the reading worker (which says where its time went), not read whole into one string.
  await page.evaluate(() => delete (window as { __obraRecordingWorkerMs?: unknown }).__obraRecordingWorkerMs);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open the second recording' }).click()]);
  await chooser.setFiles(file);
  const messages = page.locator('.compare-table tr[data-figure="messages"]');
  await expect(messages.locator('td[data-run="B"]')).toHaveText(sent.toLocaleString('en'), { timeout: 30_000 });
  await expect(messages.locator('td[data-run="A"]')).toHaveText(sent.toLocaleString('en'));
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __obraRecordingWorkerMs?: unknown }).__obraRecordingWorkerMs)).toBeTruthy();
});
