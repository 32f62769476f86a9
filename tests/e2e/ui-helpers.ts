/**
 * Helpers for the UI end-to-end tests: what the lab really ran (its batches,
 * watched from the test), the pids a script printed, and whether a pid is alive.
 */
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { EventBatch } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import type { Lab } from '../../electron/lab/index';
import { RESULTS_DIR, ROOT } from './fixtures';

/** Every batch the lab publishes from now on, grouped by run. */
export function watchLab(lab: Lab) {
  const runs = new Map<string, LabEvent[]>();
  const order: string[] = [];
  const stop = lab.subscribe((batch: EventBatch) => {
    let events = runs.get(batch.runId);
    if (!events) {
      events = [];
      runs.set(batch.runId, events);
      order.push(batch.runId);
    }
    events.push(...batch.events);
  });
  return {
    stop,
    /** The events of the latest run that started since watching began. */
    latest(): LabEvent[] {
      const id = order[order.length - 1];
      return id ? (runs.get(id) ?? []) : [];
    },
  };
}

/** Everything the boss printed (stdout previews, in order). */
export function bossOutput(events: LabEvent[]): string {
  const boss = events.find((e) => e.type === 'run-start')?.pid;
  return events
    .filter((e) => e.type === 'stdout' && e.pid === boss)
    .map((e) => (e.type === 'stdout' ? e.preview.replace(/\\n/g, '\n') : ''))
    .join('');
}

export function pidsOf(events: LabEvent[], type: 'run-start' | 'spawn'): number[] {
  return events.filter((e) => e.type === type && e.pid !== null).map((e) => e.pid as number);
}

import { isAlive } from '../fixtures/proc';
export { isAlive };

export const fixture = (name: string): string => path.join(ROOT, 'tests', 'fixtures', 'ui', name);

/** The Processes list and the item that shows `pid`. */
export function processItem(page: Page, pid: number) {
  return page.getByRole('list', { name: 'Processes' }).getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${pid}\\b`) });
}

export async function waitForStatus(page: Page, text: string | RegExp, timeout = 45_000): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible({ timeout });
}

/** PNGs of the stage and the timeline under $OBRA_TEST_RESULTS or test-results/, in screens/ (kept as artifacts). */
export async function shootStageAndTimeline(page: Page, name: string): Promise<void> {
  const dir = path.join(RESULTS_DIR, 'screens');
  await page.locator('.stage-area').screenshot({ path: path.join(dir, `${name}-stage.png`) });
  await page.locator('section.timeline').screenshot({ path: path.join(dir, `${name}-timeline.png`) });
  await page.screenshot({ path: path.join(dir, `${name}-window.png`) });
}

/**
 * A canvas's pixels as the screen shows them, in CSS pixels, into the page's `__canvasPixels`
 * (an ImageData): the lanes canvas belongs to a worker (renderer/timeline/lanesSurface.ts), so
 * the page cannot read it back; its screenshot can.
 */
export async function loadCanvasPixels(canvas: Locator): Promise<void> {
  const png = (await canvas.screenshot({ scale: 'css' })).toString('base64');
  await canvas.page().evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    (window as unknown as { __canvasPixels: ImageData }).__canvasPixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  }, png);
}
