// @ts-check
// What the browser benches measure in the page, and how they print it: frame
// intervals and long tasks (installed before the page's own scripts), the
// timeline's own draw times (`&perf`), the same pan/zoom gestures on the
// timeline, and the percentiles and verdicts of their figures.
'use strict';
/* global window, requestAnimationFrame -- the functions passed to page.evaluate run in the page */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');

/** The renderer and `obra serve` built, once (a fresh checkout has neither). */
function ensureBuilt() {
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
    spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!fs.existsSync(path.join(ROOT, 'out', 'node', 'electron', 'serve', 'index.js'))) {
    spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** Chromium as the benches run it: headless, no GPU, nothing in the background. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

/** Installed before the page's own scripts: frame intervals and long tasks, timestamped. */
function installMeters() {
  const meters = { frames: /** @type {number[][]} */ ([]), longTasks: /** @type {number[][]} */ ([]) };
  /** @type {any} */ (window).__bench = meters;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) meters.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const tick = (/** @type {number} */ now) => {
    meters.frames.push([now, now - last]);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** In the page: frame and long-task figures between two page times. */
function windowStats([from, to]) {
  const b = /** @type {any} */ (window).__bench;
  const frames = b.frames.filter(([t]) => t >= from && t <= to).map(([, dt]) => dt);
  const long = b.longTasks.filter(([t]) => t >= from && t <= to).map(([, d]) => d);
  const f = /** @type {any} */ (window).__obraFrames;
  const draws = f.drawnAt.map((/** @type {number} */ at, /** @type {number} */ i) => [at - performance.timeOrigin, f.drawMs[i]]).filter(([t]) => t >= from && t <= to).map(([, ms]) => ms);
  return { frames, long, draws };
}

/**
 * The timeline panned and zoomed as a reader does: zoom in and out around the
 * pointer, pan by wheel and by drag, then the keys. Returns the page times it began and ended.
 * @param {import('@playwright/test').Page} page
 */
async function panAndZoom(page) {
  const lanes = page.locator('canvas.timeline-lanes');
  const box = await lanes.boundingBox();
  if (!box) throw new Error('no timeline canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + Math.min(box.height / 2, 40);
  await page.mouse.move(cx, cy);
  const from = await page.evaluate(() => performance.now());
  for (let i = 0; i < 24; i++) {
    await page.mouse.wheel(0, i % 8 < 4 ? -240 : 240);
    await page.waitForTimeout(40);
    await page.mouse.wheel(i % 2 ? 300 : -300, 0);
    await page.waitForTimeout(40);
  }
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let s = 1; s <= 10; s++) await page.mouse.move(cx + (i % 2 ? -1 : 1) * s * 30, cy);
    await page.mouse.up();
  }
  for (const key of ['End', '+', '+', '+', 'ArrowLeft', 'ArrowLeft', '-', '-', 'Home', 'f']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(40);
  }
  const to = await page.evaluate(() => performance.now());
  return [from, to];
}

/** The renderer's JS heap after a full GC, bytes. @param {import('@playwright/test').Page} page */
async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = /** @type {{ usedSize: number }} */ (await cdp.send('Runtime.getHeapUsage'));
  await cdp.detach();
  return heap.usedSize;
}

const pct = (/** @type {number[]} */ xs, /** @type {number} */ p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f1 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f2 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
/** rAF intervals jitter around 16.67 ms at 60 Hz; a frame later than this missed a vsync. */
const LATE_MS = 25;
/** The 16.7 ms goal, allowing the vsync clock's own jitter (a page doing nothing measures ~16.7–16.9). */
const FRAME_GOAL_MS = 17.2;
const late = (/** @type {number[]} */ xs) => `${((100 * xs.filter((x) => x > LATE_MS).length) / Math.max(1, xs.length)).toFixed(1)} % of frames missed a vsync`;
const verdict = (/** @type {boolean} */ ok) => (ok ? 'met' : 'MISSED');

/** Rows of [label, value] as aligned lines. @param {string[][]} rows */
function printRows(rows) {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
}

module.exports = { ROOT, ensureBuilt, CHROMIUM, installMeters, windowStats, panAndZoom, heapAfterGc, pct, f1, f2, late, verdict, printRows, FRAME_GOAL_MS };
