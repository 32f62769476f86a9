/**
 * Accessibility in real Chromium (axe-core) after a real run of the blocking
 * demo — stage, timeline, code, narration, latency chart and console on
 * screen — in light, dark and projector mode: no serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { waitForStatus } from './ui-helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} ×${v.nodes.length}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('no serious or critical violation after a run, in light, dark and projector mode', async ({ page, obra }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${obra.url}#demo=blocking`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  await page.waitForTimeout(300);
  expect(await seriousViolations(page), 'light').toEqual([]);

  await page.keyboard.press('d');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(page), 'dark').toEqual([]);

  await page.keyboard.press('p');
  await expect(page.locator('.app.projector')).toBeVisible();
  expect(await seriousViolations(page), 'projector, dark').toEqual([]);
  await page.keyboard.press('d');
  expect(await seriousViolations(page), 'projector, light').toEqual([]);
});
