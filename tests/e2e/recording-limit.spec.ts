/**
 * Recordings past Obra's limit (shared/recording-limit.ts), in real Chromium
 * through `obra serve`: real files on disk, made from a real run of the fork
 * demo whose events are repeated later and later in time until the file is
 * past the limit — an NDJSON file of one event more than the limit, and a
 * `.obra.json` file a little over its size. Opened through Open recording,
 * each is refused with ERR_OBRA_RECORDING_TOO_LARGE naming the file, its size
 * and the limit (in English, in Spanish), nothing is shown, and the page
 * kept drawing while it counted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { LabEvent, LogHeader } from '../../shared/events';
import { formatNumber } from '../../shared/number-format';
import { MAX_RECORDING_EVENTS, MAX_RECORDING_JSON_BYTES } from '../../shared/recording-limit';
import { test, expect, type ObraServer } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });
// Writing over a gigabyte and counting it takes a while on two cores.
test.setTimeout(180_000);

let tmp = '';
test.beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-recording-limit-'));
});
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A real run of the fork demo: its header and log. */
async function forkRun(obra: ObraServer): Promise<{ header: LogHeader; log: readonly LabEvent[] }> {
  const { runId, header } = await obra.lab.startRun({ demoId: 'fork' });
  await obra.lab.ended(runId);
  return { header, log: obra.lab.log(runId) };
}

/**
 * The run's events after its run-start, again and again, each copy later by
 * the run's length: `count` of them, as JSON lines (only `t` and a timer's `due` change).
 */
function* repeatedLines(log: readonly LabEvent[], count: number): Generator<string> {
  const body = log.filter((e) => e.type !== 'run-start' && e.type !== 'run-end');
  const span = log[log.length - 1].t + 1;
  for (let n = 0, k = 0; n < count; k++) {
    for (const e of body) {
      if (n++ >= count) return;
      yield JSON.stringify({ ...e, t: e.t + k * span, ...(e.type === 'task' && e.due !== undefined ? { due: e.due + k * span } : {}) });
    }
  }
}

/** Write lines to a file in large writes. */
async function writeLines(file: string, first: string, lines: Iterable<string>, last: string): Promise<number> {
  const out = fs.createWriteStream(file);
  let batch: string[] = [first];
  const flush = async (): Promise<void> => {
    if (!out.write(batch.join(''))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    batch = [];
  };
  for (const line of lines) {
    batch.push(line);
    if (batch.length >= 50_000) await flush();
  }
  batch.push(last);
  await flush();
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return fs.statSync(file).size;
}

/** Open a file through Open recording, watching the page's frames while it is read. */
async function openRecording(page: Page, file: string): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longestFrameMs: number };
    w.longestFrameMs = 0;
    let last = performance.now();
    const tick = (now: number): void => {
      w.longestFrameMs = Math.max(w.longestFrameMs, now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /^(Open recording|Abrir grabación)$/ }).click()]);
  await chooser.setFiles(file);
}

/** The notice shown instead of the recording, the run's status, and the longest frame while the file was read. */
async function refusal(page: Page): Promise<{ text: string; status: string; longestFrameMs: number }> {
  const banner = page.getByRole('alert');
  await expect(banner.locator('.notice-code')).toHaveText('ERR_OBRA_RECORDING_TOO_LARGE', { timeout: 60_000 });
  return {
    text: (await banner.locator('.notice-message').textContent()) ?? '',
    status: (await page.locator('.run-status').textContent()) ?? '',
    longestFrameMs: await page.evaluate(() => (window as unknown as { longestFrameMs: number }).longestFrameMs),
  };
}

test('an NDJSON recording of one event more than the limit is refused with its size and the limit, and the page keeps drawing', async ({ page, obra }) => {
  const { header, log } = await forkRun(obra);
  expect(log[0].type).toBe('run-start');
  const file = path.join(tmp, 'too-many.ndjson');
  // The header, the run-start, then the limit's worth of events more: one event past it.
  const runStart = JSON.stringify(log[0]) + '\n';
  const lines = repeatedLines(log, MAX_RECORDING_EVENTS);
  const bytes = await writeLines(file, JSON.stringify(header) + '\n' + runStart, (function* () {
    for (const line of lines) yield line + '\n';
  })(), '');

  await page.addInitScript(() => localStorage.setItem('obra.lang', 'en'));
  await page.goto(obra.url);
  await openRecording(page, file);
  const shown = await refusal(page);
  const mib = formatNumber(bytes / 2 ** 20, 'en', 1);
  expect(shown.text).toBe(`“too-many.ndjson” (${mib} MiB) holds more than 10,000,000 events: Obra opens recordings of up to 10,000,000 events, which it can show without running out of memory. Nothing was opened.`);
  expect(shown.status).toBe('Ready');
  // Counted in a worker, off the page's thread: never a frozen tab.
  expect(shown.longestFrameMs).toBeLessThan(1000);
});

test('a .obra.json recording over its size is refused at once, in Spanish', async ({ page, obra }) => {
  const { header, log } = await forkRun(obra);
  const file = path.join(tmp, 'too-big.obra.json');
  const perEvent = log.reduce((sum, e) => sum + JSON.stringify(e).length + 1, 0) / log.length;
  const count = Math.ceil((MAX_RECORDING_JSON_BYTES / perEvent) * 1.05);
  const events = (function* () {
    yield JSON.stringify(log[0]);
    for (const line of repeatedLines(log, count)) yield ',' + line;
  })();
  const bytes = await writeLines(file, `{"header":${JSON.stringify(header)},"events":[`, events, '],"sources":[]}');
  expect(bytes).toBeGreaterThan(MAX_RECORDING_JSON_BYTES);

  await page.addInitScript(() => localStorage.setItem('obra.lang', 'es'));
  await page.goto(obra.url);
  await openRecording(page, file);
  const shown = await refusal(page);
  const mib = formatNumber(bytes / 2 ** 20, 'es', 1);
  expect(shown.text).toBe(`«too-big.obra.json» ocupa ${mib} MiB: Obra abre grabaciones .obra.json de hasta 256,0 MiB, que lee enteras; una ejecución más grande se abre como NDJSON (lo que escribe obra record), hasta 10.000.000 eventos. No se abrió nada.`);
  expect(shown.status).toBe('Listo');
});
