// @ts-check
// The wire, child → page (run by bench/run.cjs, or alone: node bench/wire.bench.cjs): where
// an event's time goes between the moment a probe saw it and the moment a page holds it,
// under the renderer bench's live flood (tests/fixtures/ui/flood.js through `obra serve`,
// the lab's own rate limit raised the same way, the app's page in Chromium drawing it),
// with a quiet run of the same script (its marker child alone, FLOOD_WORKERS=0) first as
// the same-run baseline. `--no-page` leaves Chromium out (the socket's own reader only).
//
// Every stage is stamped on the machine's one monotonic clock (the run's clock is
// hrtime − OBRA_T0), for the same sampled records (`t` a multiple of 20 µs; every record
// in the quiet run), joined by pid, type and t:
//   probe      t (the event)            → the probe writes the record (bench/wire-probe-stamps.cjs)
//   channel    written                  → the lab has read and parsed it (a listener on the channel's records)
//   lab        read                     → handed to the lab's subscribers (a subscriber here)
//   socket     handed to subscribers    → a reader of its own on the API's socket has the frame (bench/wire-page.cjs)
//   page       handed to subscribers    → in the app page's log (its frame log, wall clock: ±1 ms)
//   renderer   in the page's log        → a timeline draw includes it
// A figure, not a test: it fails only when no sampled record made the whole way.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fork, spawnSync } = require('node:child_process');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { openAppPage, runFromPage, pageArrivals } = require('./wire-app-page.cjs');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'out', 'node', 'electron');
const FLOOD = path.join(ROOT, 'tests', 'fixtures', 'ui', 'flood.js');
const TARGET = Number(process.env.OBRA_BENCH_EVENTS || 1_000_000);
const FLOOD_TIMEOUT_MS = 110_000;
const QUIET_MS = 4_000;
const WITH_PAGE = !process.argv.includes('--no-page');

function ensureBuilt() {
  if (WITH_PAGE && !fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
    spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!fs.existsSync(path.join(OUT, 'serve', 'index.js'))) {
    spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], { cwd: ROOT, stdio: 'inherit' });
  }
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);
/** @param {number | string} pid @param {string} type @param {number | string} t */
const keyOf = (pid, type, t) => `${pid} ${type} ${t}`;

/** Stamps of one phase: when each sampled record was read from the channel and handed to subscribers. */
const lab = { sample: 1, read: new Map(), delivered: new Map(), batches: 0 };

/** Every record the lab reads from any report channel, as it is parsed. */
function listenToChannels() {
  const { ChannelRecords } = require(path.join(OUT, 'lab', 'report-channel-records.js'));
  const onRecord = ChannelRecords.prototype.onRecord;
  ChannelRecords.prototype.onRecord = function (/** @type {(record: unknown) => void} */ listener) {
    onRecord.call(this, listener);
    if (this.wireBench) return;
    this.wireBench = true;
    onRecord.call(this, (/** @type {any} */ r) => {
      if (r && typeof r.t === 'number' && r.t % lab.sample === 0) lab.read.set(keyOf(r.pid, r.type, r.t), nowUs());
    });
  };
}

/** @param {number[]} xs @param {number} p */
function pct(xs, p) {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Each probe's stamps: T0, sampled records' write times, its writes and bytes. @param {string} dir */
function readProbeStamps(dir) {
  const written = new Map();
  let t0 = NaN;
  let writes = 0;
  let bytes = 0;
  for (const f of fs.readdirSync(dir)) {
    let w = [0, 0];
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const parts = line.split(' ');
      if (parts[0] === 'T0') t0 = Number(BigInt(parts[1]) / 1000n);
      else if (parts[0] === 'W') w = [Number(parts[1]), Number(parts[2])];
      else if (parts.length === 4) written.set(keyOf(parts[0], parts[1], parts[2]), Number(parts[3]));
    }
    writes += w[0];
    bytes += w[1];
  }
  return { t0, written, writes, bytes };
}

/** µs to add to a wall-clock time (ms) to have it on the monotonic clock: the closest of a few readings. */
function wallToMonotonic() {
  let best = { lag: Infinity, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const a = nowUs();
    const wall = Date.now() * 1000;
    const b = nowUs();
    if (b - a < best.lag) best = { lag: b - a, offset: (a + b) / 2 - wall };
  }
  return best.offset;
}

/**
 * One run of the flood through a lab and `obra serve`, with the socket's reader (and the
 * app's page) on it.
 * @param {{ workers: number, sample: number, until: (events: number, ms: number) => boolean }} phase
 * @param {import('@playwright/test').Browser | null} browser
 */
async function measure(phase, browser) {
  const { Lab } = require(path.join(OUT, 'lab', 'index.js'));
  const { startServer } = require(path.join(OUT, 'serve', 'index.js'));
  const stampsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-wire-'));
  const env = {
    NODE_OPTIONS: `--require ${path.join(__dirname, 'wire-probe-stamps.cjs')}`,
    OBRA_WIRE_STAMPS: stampsDir,
    OBRA_WIRE_SAMPLE: String(phase.sample),
    FLOOD_WORKERS: String(phase.workers),
  };
  Object.assign(lab, { sample: phase.sample, read: new Map(), delivered: new Map(), batches: 0 });
  const theLab = new Lab({ maxEventsPerSecond: 1_000_000_000, maxEvents: TARGET * 2, env });
  // Subscribed before the server: stamped as the lab hands a batch over, before the server sends it.
  theLab.subscribe((/** @type {any} */ batch) => {
    const at = nowUs();
    lab.batches++;
    for (const e of batch.events) if (e.t % lab.sample === 0 && e.pid !== null) lab.delivered.set(keyOf(e.pid, e.type, e.t), at);
  });
  const server = await startServer({ lab: theLab });
  const reader = fork(path.join(__dirname, 'wire-page.cjs'), [], { env: { ...process.env, OBRA_WIRE_SAMPLE: String(phase.sample) }, stdio: 'inherit' });
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  /** @type {import('@playwright/test').Page | null} */
  let page = null;
  try {
    /** @type {(test: (m: any) => boolean) => Promise<any>} */
    const next = (test) =>
      new Promise((resolve, reject) => {
        const on = (/** @type {any} */ m) => {
          if (m.failed) reject(new Error(`wire page: ${m.failed}`));
          else if (test(m)) resolve(m);
          else return;
          reader.off('message', on);
        };
        reader.on('message', on);
      });
    reader.send({ connect: { url: server.url, token: server.token } });
    await next((m) => m.connected);
    if (browser) {
      page = await openAppPage(browser, server.url);
      await runFromPage(page, FLOOD);
    } else reader.send({ start: { file: FLOOD } });
    await next((m) => m.started);
    const began = Date.now();
    loopDelay.enable();
    let events = 0;
    const counted = (/** @type {any} */ m) => {
      if (typeof m.events === 'number') events = m.events;
    };
    reader.on('message', counted);
    while (!phase.until(events, Date.now() - began)) await new Promise((r) => setTimeout(r, 250));
    loopDelay.disable();
    const seconds = (Date.now() - began) / 1000;
    reader.off('message', counted);
    reader.send({ stop: true });
    const { done } = await next((m) => m.done);
    const inPage = page ? await pageArrivals(page, phase.sample) : null;
    const figures = { seconds, loopDelay: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6 } };
    return { ...stagesOf(readProbeStamps(stampsDir), done, inPage, wallToMonotonic()), ...figures };
  } finally {
    await page?.close();
    reader.kill();
    await server.close();
    await theLab.shutdown();
    fs.rmSync(stampsDir, { recursive: true, force: true });
  }
}

/**
 * Per sampled record that the probe, the lab and the socket's reader all saw: the time in
 * each stage, and in the page's when it has a frame log.
 * @param {ReturnType<typeof readProbeStamps>} probe
 * @param {any} seen the socket reader's figures and stamps
 * @param {string | null} inPage the page's "pid type t in-log-at drawn-at" lines (wall ms)
 * @param {number} wallOffset µs from wall clock to monotonic
 */
function stagesOf(probe, seen, inPage, wallOffset) {
  /** @type {Record<string, number[]>} */
  const stages = { probe: [], channel: [], lab: [], socket: [], total: [], coalesced: [], page: [], renderer: [], toPage: [], toDrawn: [] };
  /** @type {Map<string, number[]>} */
  const pageAt = new Map();
  for (const line of inPage ? inPage.split('\n') : []) {
    const [pid, type, t, arrived, drawn] = line.split(' ');
    pageAt.set(keyOf(pid, type, t), [Number(arrived) * 1000 + wallOffset, Number(drawn) * 1000 + wallOffset]);
  }
  const ms = (/** @type {number} */ us) => us / 1000;
  for (const line of seen.stamps.split('\n')) {
    const [pid, type, t, at, coalesced] = line.split(' ');
    const key = keyOf(pid, type, t);
    const written = probe.written.get(key);
    const read = lab.read.get(key);
    const delivered = lab.delivered.get(key);
    if (written === undefined || read === undefined || delivered === undefined) continue;
    const event = probe.t0 + Number(t);
    stages.probe.push(ms(written - event));
    (stages[coalesced === '1' ? 'coalesced' : type] ??= []).push(ms(written - event));
    stages.channel.push(ms(read - written));
    stages.lab.push(ms(delivered - read));
    stages.socket.push(ms(Number(at) - delivered));
    stages.total.push(ms(Number(at) - event));
    const [arrived, drawn] = pageAt.get(key) ?? [NaN, NaN];
    if (Number.isNaN(arrived)) continue;
    stages.page.push(ms(arrived - delivered));
    stages.toPage.push(ms(arrived - event));
    if (Number.isNaN(drawn)) continue;
    stages.renderer.push(ms(drawn - arrived));
    stages.toDrawn.push(ms(drawn - event));
  }
  return { stages, events: seen.events, frames: seen.frames, frameBytes: seen.bytes, parseMs: seen.parseUs / 1000, writes: probe.writes, writeBytes: probe.bytes, batches: lab.batches };
}

const f1 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const load = () => `${os.loadavg().map((x) => x.toFixed(2)).join(' / ')} (1/5/15 min) on ${os.availableParallelism()} cores`;

const STAGE_NAMES = {
  probe: 'probe: event → written to the channel',
  message: '  a message record',
  stdout: '  an output record',
  task: '  a callback record (written when the next begins)',
  sample: '  a loop sample',
  coalesced: '  a coalesced record (count > 1)',
  channel: 'channel: written → read by the lab',
  lab: 'lab: read → handed to subscribers',
  socket: 'socket: → its own reader has the frame',
  total: 'event → the socket reader has it',
  page: 'page: handed to subscribers → in its log',
  toPage: 'event → in the page’s log',
  renderer: 'renderer: in the log → drawn',
  toDrawn: 'event → drawn',
};

/** @param {Awaited<ReturnType<typeof measure>>} quiet @param {Awaited<ReturnType<typeof measure>>} flood */
function report(quiet, flood) {
  const rows = [['stage (ms)', 'quiet p50', 'quiet p95', 'flood p50', 'flood p95', 'flood/quiet p95']];
  for (const [k, name] of Object.entries(STAGE_NAMES)) {
    const q = quiet.stages[k] ?? [];
    const fl = flood.stages[k] ?? [];
    if (!q.length && !fl.length) continue;
    rows.push([name, f1(pct(q, 50)), f1(pct(q, 95)), f1(pct(fl, 50)), f1(pct(fl, 95)), q.length && fl.length ? `${(pct(fl, 95) / Math.max(0.1, pct(q, 95))).toFixed(1)}×` : '—']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const table = rows.map((r) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')).join('\n');
  const n = (/** @type {number} */ x) => Math.round(x).toLocaleString('en-US');
  /** @param {Awaited<ReturnType<typeof measure>>} r */
  const carried = (r) =>
    [
      `${n(r.events)} events in ${r.seconds.toFixed(1)} s (${n(r.events / r.seconds)}/s), ${n(r.stages.total.length)} sampled through probe, lab and socket${WITH_PAGE ? `, ${n(r.stages.page.length)} into the page` : ''}`,
      `probes: ${n(r.writes / r.seconds)} writes/s, ${n(r.writeBytes / Math.max(1, r.writes))} B each on average`,
      `lab: ${n(r.batches / r.seconds)} batches/s, ${n(r.events / Math.max(1, r.batches))} events each; its loop's delay p50 ${f1(r.loopDelay.p50)} ms, p99 ${f1(r.loopDelay.p99)} ms`,
      `socket: ${n(r.frames / r.seconds)} frames/s, ${(r.frameBytes / Math.max(1, r.frames) / 1024).toFixed(1)} KiB each on average; JSON.parse ${f1(r.parseMs / r.seconds / 10)} % of the reader's time`,
    ].join('\n    ');
  return [
    table,
    `  quiet (marker child alone):\n    ${carried(quiet)}`,
    `  flood (4 workers and the marker):\n    ${carried(flood)}`,
    '  The same sampled records in every stage; p95s of stages do not add up to the total’s.',
  ].join('\n');
}

async function main() {
  ensureBuilt();
  listenToChannels();
  process.stdout.write(`wire bench: load average at start ${load()}${WITH_PAGE ? '' : ' (--no-page: no Chromium)'}\n`);
  const browser = WITH_PAGE
    ? await require('@playwright/test').chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      })
    : null;
  try {
    const quiet = await measure({ workers: 0, sample: 1, until: (_events, ms) => ms >= QUIET_MS }, browser);
    const flood = await measure({ workers: 4, sample: 20, until: (events, ms) => events >= TARGET || ms >= FLOOD_TIMEOUT_MS }, browser);
    process.stdout.write(report(quiet, flood) + '\n');
    process.stdout.write(`load average at the end ${load()}\n`);
    if (!flood.stages.total.length || !quiet.stages.total.length) {
      process.stdout.write('NOTE: no sampled record was seen in every stage\n');
      process.exitCode = 1;
    }
    if (flood.events < TARGET) process.stdout.write(`NOTE: the flood reached ${flood.events} of ${TARGET} events in ${FLOOD_TIMEOUT_MS / 1000} s\n`);
  } finally {
    await browser?.close();
  }
}

main().catch((err) => {
  process.stderr.write(`wire bench: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
});
