// @ts-check
// Large recordings opened in Chromium through `obra serve` (run by bench/run.cjs,
// or alone: node bench/recording.bench.cjs; OBRA_BENCH_RECORDING_SIZES=1e6,2e6
// picks the sizes, default 1M, 2M, 5M and 10M events).
//
// The recordings are real: the lab records the flood (tests/fixtures/ui/flood.js:
// a boss, four forked workers sending IPC messages and writing stdout, a
// marker child) for a few seconds. That log is made N events long the way a
// longer flood would be: its steady stretch — every record between the last
// process start and the first exit (output chunks, messages, callbacks,
// samples) — is repeated, each copy shifted later by the stretch's duration
// (a timer's `due` too, each message's `seq` by the stretch's highest, and each output's or
// message's preview ending with its copy's number, as a longer flood's own counters would), then the exits and the
// run's end, shifted past the last copy. Every record written is one
// shared/event-check.ts accepts (checked here: each record of the flood at its
// largest shift, which is all a copy changes), in the NDJSON form `obra
// record` writes.
//
// Each recording is opened through the UI's "Open recording" file input in a
// fresh page. Figures per size:
//   open        file chosen → the timeline's first draw of every event (or the
//               error shown instead, with its code)
//   CPU         the renderer processes' CPU seconds over the open (CDP
//               SystemInfo): the open's cost, however loaded the machine
//   worker      where the reading worker's time went: on the lines, waiting
//               for the file, waiting for the page to take its batches
//   heap        the renderer's JS heap after a full GC (CDP)
//   pan/zoom    p95 rAF frame interval over the same gestures as the renderer
//               bench, its timeline draws and long tasks
// against a baseline taken in the same run: an idle page's frames.
'use strict';
/* global window */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('@playwright/test');
const m = require('./page-meters.cjs');
const { startProfile, samplesOf, functionTimes, shares } = require('./page-profile.cjs');

const FLOOD = path.join(m.ROOT, 'tests', 'fixtures', 'ui', 'flood.js');
const SIZES = (process.env.OBRA_BENCH_RECORDING_SIZES || '1e6,2e6,5e6,10e6').split(',').map(Number);
const FLOOD_MS = 6_000;
/** Longer than this to open is reported as not opened (the goal is 10 s). */
const OPEN_TIMEOUT_MS = 120_000;
const OPEN_GOAL_MS = 10_000;
const HEAP_GOAL = 1e9;
/** Records of these types make up a flood's steady stretch. */
const VOLUME = new Set(['stdout', 'stderr', 'message', 'task', 'sample']);
const LINES_PER_WRITE = 20_000;
/** OBRA_BENCH_RECORDING_PROFILE=1: a CPU profile of each open, its self time per part of the work. */
const PROFILE = process.env.OBRA_BENCH_RECORDING_PROFILE === '1';

/** The flood, recorded by the lab: its header and log. @param {any} Lab */
async function recordFlood(Lab) {
  const lab = new Lab({ maxEventsPerSecond: 1_000_000_000, maxEvents: 2_000_000 });
  try {
    const run = await lab.startRun({ file: FLOOD, args: [] });
    await new Promise((resolve) => setTimeout(resolve, FLOOD_MS));
    await lab.stopRun(run.runId);
    await lab.ended(run.runId);
    return { header: run.header, log: lab.log(run.runId) };
  } finally {
    await lab.shutdown();
  }
}

/**
 * The flood as head (up to the last process start), steady stretch, and tail
 * (the first exit on), with how far one copy of the stretch shifts times and seqs.
 * @param {any[]} log
 */
function splitFlood(log) {
  // The stretch: the longest run of records that are all output, messages, callbacks or samples.
  let start = 0;
  let end = 0;
  for (let i = 0; i < log.length; ) {
    let j = i;
    while (j < log.length && VOLUME.has(log[j].type)) j++;
    if (j - i > end - start) [start, end] = [i, j];
    i = j + 1;
  }
  const stretch = log.slice(start, end);
  if (stretch.length < 1000) throw new Error(`the flood's steady stretch holds only ${stretch.length} records`);
  let [lo, hi, dseq] = [Infinity, -Infinity, 0];
  for (const e of stretch) {
    [lo, hi] = [Math.min(lo, e.t), Math.max(hi, e.t)];
    if (e.type === 'message') dseq = Math.max(dseq, e.seq);
  }
  const dt = hi - lo + 1;
  return { head: log.slice(0, start), stretch, tail: log.slice(end), dt, dseq };
}

/** A copy of a record `k` stretches later. @param {any} e @param {number} k @param {{ dt: number, dseq: number }} by */
function shifted(e, k, by) {
  if (k === 0) return e;
  const copy = { ...e, t: e.t + k * by.dt };
  if (e.type === 'message') copy.seq = e.seq + k * by.dseq;
  if (e.type === 'task' && e.due !== undefined) copy.due = e.due + k * by.dt;
  // A longer flood's messages and output carry their own numbers: no copy repeats another's
  // texts (the page shares repeated texts, which copies alike would flatter).
  if (e.preview !== undefined) copy.preview = `${e.preview} ${k}`;
  return copy;
}

/**
 * Write an NDJSON recording of exactly `n` events. @param {string} file @param {number} n
 * @param {any} header @param {ReturnType<typeof splitFlood>} flood @param {(e: unknown) => any} checkEvent
 */
async function writeRecording(file, n, header, flood, checkEvent) {
  const { head, stretch, tail } = flood;
  const copies = Math.ceil((n - head.length - tail.length) / stretch.length);
  if (copies < 1) throw new Error(`${n} events is fewer than the flood itself`);
  const lastCopy = n - head.length - tail.length - (copies - 1) * stretch.length;
  for (const e of [...head, ...stretch.map((r) => shifted(r, copies, flood)), ...tail.map((r) => shifted(r, copies, flood))]) {
    const checked = checkEvent(e);
    if (!('event' in checked)) throw new Error(`a shifted record is refused: ${checked.refused} (${JSON.stringify(e).slice(0, 200)})`);
  }
  const out = fs.createWriteStream(file);
  /** @type {string[]} */
  let lines = [JSON.stringify(header)];
  const put = async (/** @type {any} */ e) => {
    lines.push(JSON.stringify(e));
    if (lines.length < LINES_PER_WRITE) return;
    const text = lines.join('\n') + '\n';
    lines = [];
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  };
  for (const e of head) await put(e);
  for (let k = 0; k < copies; k++) {
    const upTo = k === copies - 1 ? lastCopy : stretch.length;
    for (let i = 0; i < upTo; i++) await put(shifted(stretch[i], k, flood));
  }
  for (const e of tail) await put(shifted(e, copies - 1, flood));
  out.end(lines.length ? lines.join('\n') + '\n' : '');
  await new Promise((resolve, reject) => out.on('finish', resolve).on('error', reject));
  return fs.statSync(file).size;
}

/**
 * Open one recording through the UI in a fresh page: the figures, or why it did not open.
 * @param {import('@playwright/test').Browser} browser @param {string} url @param {string} file @param {number} n
 */
async function openInPage(browser, url, file, n) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  let crashed = false;
  page.on('crash', () => (crashed = true));
  try {
    await page.addInitScript(m.installMeters);
    await page.goto(`${url}&perf`);
    await page.getByRole('button', { name: 'Run' }).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open recording' }).click()]);
    const stopProfile = PROFILE ? await startProfile(page) : null;
    const cpuBefore = await rendererCpu(browser);
    const chosenAt = await page.evaluate(() => performance.now());
    await chooser.setFiles(file);
    // Drawn: the timeline drew the whole log, the load is over. Or a notice with a code came instead.
    const outcome = await page
      .waitForFunction(
        (count) => {
          const w = /** @type {any} */ (window);
          const notices = w.__obraStore.getState().notices;
          if (notices.length > 0) return { notice: notices.map((/** @type {any} */ x) => `${x.code}: ${x.message ?? ''}`).join('; '), at: performance.now() };
          const f = w.__obraFrames;
          const i = f.logLength.findIndex((/** @type {number} */ len) => len >= count);
          if (i < 0 || w.__obraStore.getState().status !== 'ended') return null;
          return { drawnAt: f.drawnAt[i] - performance.timeOrigin };
        },
        n,
        { timeout: OPEN_TIMEOUT_MS, polling: 100 },
      )
      .then((h) => h.jsonValue())
      .catch((/** @type {Error} */ err) => ({ notice: crashed ? 'the tab crashed (out of memory)' : `not opened in ${OPEN_TIMEOUT_MS / 1000} s (${err.message.split('\n')[0]})` }));
    const cpuS = (await rendererCpu(browser)) - cpuBefore;
    const profile = stopProfile ? await stopProfile() : null;
    if ('notice' in outcome) return { notice: String(outcome.notice).slice(0, 300), refusedMs: 'at' in outcome ? outcome.at - chosenAt : NaN };
    const openMs = outcome.drawnAt - chosenAt;
    const load = await page.evaluate(m.windowStats, [chosenAt, outcome.drawnAt]);
    /** @type {{ file: number, lines: number, page: number } | null} */
    const worker = await page.evaluate(() => /** @type {any} */ (window).__obraRecordingWorkerMs ?? null);
    const heap = await m.heapAfterGc(page);
    const pan = await page.evaluate(m.windowStats, await m.panAndZoom(page));
    return { openMs, cpuS, load, worker, heap, pan, profile };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * CPU seconds the browser's renderer processes have used, every thread of them (the page's,
 * its workers', V8's collector threads): what an open costs, whatever else the machine runs.
 * @param {import('@playwright/test').Browser} browser
 */
async function rendererCpu(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
  } finally {
    await cdp.detach();
  }
}

/**
 * The open's main-thread time by part of the work (function names as the unminified build keeps them), and the costliest functions.
 * @param {any} profile
 */
function profileRows(profile) {
  const samples = samplesOf(profile);
  const total = samples.reduce((sum, x) => sum + x.ms, 0);
  const share = (/** @type {number} */ ms) => `${m.f1(ms)} ms, ${((100 * ms) / total).toFixed(1)} %`;
  const top = (/** @type {'self' | 'total'} */ kind, /** @type {number} */ n) =>
    functionTimes(samples, kind)
      .slice(0, n)
      .map((x) => [`      ${x.name} ${x.where}`, share(x.ms)]);
  return [
    ['  profile of the open', `${m.f1(total)} ms sampled`],
    ...shares(samples, PROFILE_PARTS).map(([part, ms]) => [`    ${part}`, share(ms)]),
    ['    costliest functions, self', ''],
    ...top('self', 15),
    ['    costliest functions, with what they call', ''],
    ...top('total', 70),
  ];
}

/** The parts of opening a recording, by the functions that do them (innermost first wins). @type {Array<[string, RegExp]>} */
const PROFILE_PARTS = [
  ['idle', /^\((idle)\)$/],
  ['GC', /^\(garbage collector\)$/],
  ['store append and indexing', /^(append|appendRecording)$/],
  ['JSON.parse', /^(parseJson|onReply)$/],
  ['per-line check', /^checkEvent$/],
  ['counting lines against the limit', /^countEvents$/],
  ['read, decode, split lines', /^openRecording$/],
  ['views (React render and effects)', /^(performWorkUntilDeadline|flushSyncWorkAcrossRoots_impl)$/],
  ['timeline draws', /^onFrame$/],
];

/** An idle page's frames over two seconds: the baseline. @param {import('@playwright/test').Browser} browser @param {string} url */
async function idleFrames(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.addInitScript(m.installMeters);
    await page.goto(`${url}&perf`);
    await page.getByRole('button', { name: 'Run' }).waitFor();
    const from = await page.evaluate(() => performance.now());
    await page.waitForTimeout(2000);
    const to = await page.evaluate(() => performance.now());
    return (await page.evaluate(m.windowStats, [from, to])).frames;
  } finally {
    await page.close();
  }
}

async function main() {
  m.ensureBuilt();
  process.stdout.write(`recording bench: load average at start ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs\n`);
  const out = path.join(m.ROOT, 'out', 'node');
  const { Lab } = require(path.join(out, 'electron', 'lab', 'index.js'));
  const { startServer } = require(path.join(out, 'electron', 'serve', 'index.js'));
  const { checkEvent } = require(path.join(out, 'shared', 'event-check.js'));
  const { header, log } = await recordFlood(Lab);
  const flood = splitFlood(log);
  process.stdout.write(`the flood: ${log.length} records in ${(log[log.length - 1].t / 1e6).toFixed(1)} s; its steady stretch ${flood.stretch.length} records over ${(flood.dt / 1e6).toFixed(1)} s\n`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-recording-bench-'));
  const lab = new Lab();
  const server = await startServer({ lab });
  const browser = await chromium.launch(m.CHROMIUM);
  try {
    const idle = await idleFrames(browser, server.url);
    const idleP95 = m.pct(idle, 95);
    /** @type {string[][]} */
    const rows = [['idle page (baseline)', `p95 frame ${m.f2(idleP95)} ms, median ${m.f2(m.pct(idle, 50))} ms, ${idle.length} frames`]];
    for (const n of SIZES) {
      const file = path.join(dir, `flood-${n}.ndjson`);
      const bytes = await writeRecording(file, n, header, flood, (e) => checkEvent(e, 'log'));
      const r = await openInPage(browser, server.url, file, n);
      fs.rmSync(file, { force: true });
      const title = `${(n / 1e6).toLocaleString('en-US')}M events, ${(bytes / 2 ** 20).toFixed(0)} MiB NDJSON`;
      if (!r.openMs) {
        rows.push([title, `not opened${r.refusedMs ? `, told in ${(r.refusedMs / 1000).toFixed(1)} s` : ''}: ${r.notice}`]);
        continue;
      }
      const panP95 = m.pct(r.pan.frames, 95);
      rows.push(
        [title, ''],
        ['  open (chosen → drawn)', `${(r.openMs / 1000).toFixed(1)} s (goal < 10 s: ${m.verdict(r.openMs < OPEN_GOAL_MS)}); while loading ${r.load.long.length} long tasks, longest ${m.f1(Math.max(0, ...r.load.long))} ms`],
        ['  renderer CPU time of the open', `${r.cpuS.toFixed(1)} s (every thread of the page's process: the page, its workers, the collector)`],
        ...(r.worker
          ? [['  the worker\'s time', `${(r.worker.lines / 1000).toFixed(1)} s on the lines (decode, split, parse, check, columns), ${(r.worker.file / 1000).toFixed(1)} s waiting for the file, ${(r.worker.page / 1000).toFixed(1)} s for the page to take batches`]]
          : []),
        ['  renderer JS heap after GC', `${(r.heap / 2 ** 20).toFixed(0)} MiB (goal ≤ 1 GB: ${m.verdict(r.heap <= HEAP_GOAL)})`],
        ['  pan/zoom p95 frame', `${m.f2(panP95)} ms, ${(panP95 / idleP95).toFixed(2)}× idle (goal ≤ 16.7: ${m.verdict(panP95 <= m.FRAME_GOAL_MS)}); median ${m.f2(m.pct(r.pan.frames, 50))} ms, ${m.late(r.pan.frames)}`],
        ['  p95 timeline draw', `${m.f1(m.pct(r.pan.draws, 95))} ms (max ${m.f1(Math.max(...r.pan.draws))} ms, ${r.pan.draws.length} draws)`],
        ['  long tasks while panning', `${r.pan.long.length} over 50 ms (longest ${m.f1(Math.max(0, ...r.pan.long))} ms)`],
      );
      if (r.profile) rows.push(...profileRows(r.profile));
      process.stdout.write(`  done: ${title}\n`);
    }
    rows.push(['machine', `${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min) at the end`]);
    m.printRows(rows);
  } finally {
    await browser.close();
    await server.close();
    await lab.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`recording bench: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  });
}

// For a look at one file already written (a profile of its open, say): the page's side of the bench.
module.exports = { openInPage, profileRows, recordFlood, splitFlood, writeRecording };
