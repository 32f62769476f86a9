/**
 * What the export specs share: where their files are kept, English and a CSP
 * watch on every page (exports draw SVG through blob: images and download
 * blob: URLs, all inside the page's CSP), and a blank page to read files in.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, RESULTS_DIR } from './fixtures';

/** The exported files (and frames, and forms) kept for a look: <results>/export/. */
export const OUT = path.join(RESULTS_DIR, 'export');

/** Every test of the calling spec: the UI in English, and no CSP violation by the end. */
export function englishAndCleanCsp(): void {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      if (localStorage.getItem('obra.lang') === null) localStorage.setItem('obra.lang', 'en');
      // Exports draw SVG through blob: images and download blob: URLs: all inside the page's CSP.
      const seen: string[] = [];
      Object.assign(window, { __cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  test.afterEach(async ({ page }) => {
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
}

/** Run `fn` in a blank page of the same browser: no app, no app CSP. */
export async function inBlankPage<R>(page: Page, fn: (arg: string) => R | Promise<R>, arg: string): Promise<R> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(fn, arg);
  } finally {
    await blank.close();
  }
}
