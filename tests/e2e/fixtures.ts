/**
 * Playwright fixtures for Obra's end-to-end tests.
 *
 * - `obra` (one per worker): a real `obra serve` on 127.0.0.1 and a free port,
 *   with its own real lab. `url` is the page to open (token included).
 * - `saveScreenshot(page, name)`: a PNG under test-results/screens/ (or $OBRA_TEST_RESULTS/screens/), kept as an artifact.
 *
 * import { test, expect } from './fixtures';
 * test('…', async ({ page, obra }) => { await page.goto(obra.url); … });
 */
import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { Lab } from '../../electron/lab/index';
import { startServer } from '../../electron/serve/index';
import { findElectronPackage, installedBinary } from '../../bin/start/electron-package.cjs';

export interface ObraServer {
  /** http://127.0.0.1:PORT/?token=T */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  port: number;
  /** ws://127.0.0.1:PORT/api?token=T */
  apiUrl: string;
  /** The lab behind the server (to check what really ran). */
  lab: Lab;
}

export const ROOT = path.resolve(__dirname, '../..');
export const RENDERER_DIR = path.join(ROOT, 'out', 'renderer');
/** Where tests keep artifacts: $OBRA_TEST_RESULTS (parallel runs on one tree) or test-results/. */
export const RESULTS_DIR = path.resolve(ROOT, process.env.OBRA_TEST_RESULTS ?? 'test-results');

export const test = base.extend<{ saveScreenshot: (page: Page, name: string) => Promise<string> }, { obra: ObraServer }>({
  obra: [
    // Playwright reads the fixtures a function wants from its destructuring pattern: this one wants none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const lab = new Lab();
      const server = await startServer({ port: 0, lab, rendererDir: RENDERER_DIR });
      const origin = `http://127.0.0.1:${server.port}`;
      await use({ url: server.url, origin, token: server.token, port: server.port, apiUrl: `ws://127.0.0.1:${server.port}/api?token=${server.token}`, lab });
      await server.close();
      await lab.shutdown();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  saveScreenshot: async ({}, use) => {
    await use(async (page, name) => {
      const file = path.join(RESULTS_DIR, 'screens', `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    });
  },
});

export { expect };

/**
 * Electron's binary, found as npm start finds it (bin/start/electron-package.cjs:
 * never by require('electron'), which would start a download), or why it is missing.
 */
export function findElectronBinary(): { binary: string } | { reason: string } {
  const pkg = findElectronPackage(ROOT);
  if (!pkg) return { reason: 'the electron package is not installed' };
  const binary = installedBinary(pkg, process.env);
  if (!binary) return { reason: "the Electron binary was never downloaded (npm start downloads it, or `npx install-electron --no`)" };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display for an Electron window (run under xvfb-run -a)' };
  }
  return { binary };
}
