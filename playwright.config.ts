/**
 * End-to-end tests in real Chromium (Debian's, never a downloaded one) against
 * `obra serve` (tests/e2e/fixtures.ts starts it on a free port, one per
 * worker). Build first (`npm run build`): the page is out/renderer.
 * Screenshots and failure artifacts land in test-results/.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties this folder when a run starts: two runs at once on one tree
  // need different ones, e.g. OBRA_TEST_RESULTS=/tmp/obra-results (not inside test-results/, which another run empties).
  outputDir: process.env.OBRA_TEST_RESULTS ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores, and every test starts real process trees.
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.OBRA_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        // This network refuses Chromium's background calls: do not make them.
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
