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

/** WCAG contrast of two opaque rgb() colours. */
function contrastOf(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (/rgba?\(([^)]*)\)/.exec(c)?.[1] ?? '0,0,0').split(/[\s,/]+/).map(Number);
    const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

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
  // The language in use stands out from the other one (≥ 3:1 between their backgrounds), in dark too.
  const [on, off] = await Promise.all(
    ['true', 'false'].map((pressed) => page.getByRole('group', { name: 'Language' }).locator(`button[aria-pressed="${pressed}"]`).evaluate((b) => getComputedStyle(b).backgroundColor)),
  );
  expect(contrastOf(on, off), `pressed ${on} vs not ${off}`).toBeGreaterThanOrEqual(3);

  await page.keyboard.press('p');
  await expect(page.locator('.app.projector')).toBeVisible();
  expect(await seriousViolations(page), 'projector, dark').toEqual([]);
  await page.keyboard.press('d');
  expect(await seriousViolations(page), 'projector, light').toEqual([]);
});
