/**
 * The real renderer, served by `obra serve` under its strict
 * Content-Security-Policy, loads and runs a demo without a single CSP
 * violation (which would otherwise fail silently: a style or script blocked).
 * Needs the built renderer (`npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, RENDERER_DIR, test } from './fixtures';

const built = fs.existsSync(path.join(RENDERER_DIR, 'index.html'));

test('the renderer runs a demo under the CSP without a violation', async ({ page, obra, saveScreenshot }) => {
  test.skip(!built, `the renderer is not built (${RENDERER_DIR}/index.html is missing): run npm run build`);
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (what: string) => violations.push(what));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(w: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const response = await page.goto(`${obra.url}#demo=fork`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.getByRole('button', { name: 'Run' }).click();
  const stop = page.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeEnabled();
  await expect(stop).toBeDisabled({ timeout: 20_000 });
  await saveScreenshot(page, 'renderer-under-csp');
  expect(violations).toEqual([]);
});
