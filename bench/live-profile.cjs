// @ts-check
// Where the page's main thread goes while the flood comes in live: the renderer bench's flood
// (tests/fixtures/ui/flood.js, run through the UI of `obra serve` in Chromium) profiled with the
// CDP CPU profiler until the log holds N events, its samples summed per part of the work.
//
//   node bench/live-profile.cjs [events]      (default 300000: the issue's live goals' run)
//
// Each sample goes to the innermost frame that names a part (bench/page-profile.cjs): a story
// fold inside a React render counts as the story, the rest of that render as React. "native"
// is Chromium's own time on the main thread (style, layout, paint, commit, IPC); "idle" is the
// thread waiting. Shares are of the profile's whole time, so they hold on a loaded machine better
// than times do — still, compare builds alternated, on the same load.
'use strict';
/* global window */
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('@playwright/test');
const { ROOT, ensureBuilt, CHROMIUM, printRows } = require('./page-meters.cjs');
const { startProfile, samplesOf, shares } = require('./page-profile.cjs');
const { openAppPage, runFromPage } = require('./wire-app-page.cjs');

const FLOOD = path.join(ROOT, 'tests', 'fixtures', 'ui', 'flood.js');
const TARGET = Number(process.argv[2] ?? 300_000);
const TIMEOUT_MS = 180_000;

/** @type {Array<[string, RegExp]>} */
const PARTS = [
  ['story (narration panel)', /^(StoryFold|scriptStory|foldStory|NarrationPanel|NarrationStep)/],
  ['console panel', /^(ConsolePanel|ConsoleRow|consoleLines)$/],
  ['code panel', /^CodePanel$/],
  ['stage', /^(StageView|StageSvg)$/],
  ['timeline draws', /^(paint\w+|draw|runFrame)$/],
  ['ingest (socket → log and index)', /^(receive|parseServerMessage|append)$/],
  ['React (the rest of its renders and commits)', /^(performWorkOnRoot|performSyncWorkOnRoot|commitRoot|processRootScheduleInMicrotask|performWorkUntilDeadline)$/],
  ['GC', /^\(garbage collector\)$/],
  ['native (style, layout, paint, commit, IPC)', /^\(program\)$/],
  ['idle', /^\(idle\)$/],
];

async function main() {
  ensureBuilt();
  const { Lab } = require(path.join(ROOT, 'out', 'node', 'electron', 'lab', 'index.js'));
  const { startServer } = require(path.join(ROOT, 'out', 'node', 'electron', 'serve', 'index.js'));
  const lab = new Lab({ maxEventsPerSecond: 1_000_000_000, maxEvents: TARGET * 2 });
  const server = await startServer({ lab });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await openAppPage(browser, server.url);
    const loadAtStart = os.loadavg()[0];
    const stop = await startProfile(page);
    await runFromPage(page, FLOOD);
    const began = Date.now();
    let length = 0;
    while (length < TARGET && Date.now() - began < TIMEOUT_MS) {
      await page.waitForTimeout(500);
      length = await page.evaluate(() => /** @type {any} */ (window).__obraStore.getState().run?.events.length ?? 0);
    }
    const samples = samplesOf(await stop());
    await page.getByRole('button', { name: 'Stop' }).click();
    const total = samples.reduce((sum, s) => sum + s.ms, 0);
    const parts = shares(samples, PARTS);
    const idle = parts.find(([part]) => part === 'idle')?.[1] ?? 0;
    printRows([
      ['live profile', `${length.toLocaleString('en-US')} events in ${((Date.now() - began) / 1000).toFixed(1)} s; load average ${loadAtStart.toFixed(1)} at start on ${os.cpus().length} CPUs`],
      ['main thread busy', `${((100 * (total - idle)) / total).toFixed(1)} % of ${(total / 1000).toFixed(1)} s`],
      ...parts.map(([part, ms]) => [`  ${part}`, `${((100 * ms) / total).toFixed(1)} %`]),
    ]);
  } finally {
    await browser.close();
    await server.close();
    await lab.shutdown();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
