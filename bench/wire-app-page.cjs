// @ts-check
// The app's own page in Chromium, for bench/wire.bench.cjs: the renderer bench's page (same
// window size, `&perf` for the page's frame log), which starts the script through its file
// input and draws the run live while the wire is measured. Afterwards, for the sampled
// events (`t` a multiple of `sample`) it holds, when each entered the page's log and when a
// timeline draw first included it, from the page's frame log (renderer/perf/frameLog.ts),
// as "pid type t in-log-at drawn-at" (ms on the page's wall clock). Null when this renderer
// keeps no such log.
'use strict';
/* global window -- the functions passed to page.evaluate run in the page */

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url the server's page URL, with its token
 */
async function openAppPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${url}&perf`);
  await page.getByRole('button', { name: 'Run' }).waitFor();
  return page;
}

/** @param {import('@playwright/test').Page} page @param {string} file */
async function runFromPage(page, file) {
  await page.locator('.open-script-button + input[type=file]').setInputFiles(file);
  // An opened script waits in the editor for Run.
  await page.getByRole('button', { name: 'Run' }).click();
}

/** In the page. @param {number} sample @returns {string | null} */
function arrivalsInPage(sample) {
  const w = /** @type {any} */ (window);
  const run = w.__obraStore?.getState().run;
  const f = w.__obraFrames;
  if (!run?.events || !f?.arrivedAtOf) return null;
  const out = [];
  for (let i = 0; i < run.events.length; i++) {
    const e = run.events[i];
    if (e.t % sample !== 0 || e.pid === null) continue;
    out.push(`${e.pid} ${e.type} ${e.t} ${f.arrivedAtOf(i)} ${f.drawnAtOf(i)}`);
  }
  return out.join('\n');
}

/** @param {import('@playwright/test').Page} page @param {number} sample */
function pageArrivals(page, sample) {
  return page.evaluate(arrivalsInPage, sample);
}

module.exports = { openAppPage, runFromPage, pageArrivals };
