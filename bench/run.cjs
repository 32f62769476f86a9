// @ts-check
// `npm run bench`: Obra's overhead, measured side by side in one run — each
// workload bare (plain node), under the lab, and under the lab without the event
// loop's callbacks (OBRA_TASKS=0), in turn, median of several runs — then
// probe → subscriber throughput, then the renderer's bench and the wire's (where an
// event's time goes on its way from a child to the page).
// Prints figures; it is not a test (it fails only if a count comes out wrong).
// `node bench/run.cjs --skip-renderer` leaves out the (long) renderer and wire benches,
// `--skip-recording` the large-recordings bench (bench/recording.bench.cjs).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runBare, runUnderLab, median } = require('./runners.cjs');
const { measureThroughput } = require('./throughput.cjs');
const { enterBenchCgroup, watchRunCgroups } = require('./tree-cpu.cjs');

const ROOT = path.join(__dirname, '..');
const LAB_ENTRY = path.join(ROOT, 'out', 'node', 'electron', 'lab', 'index.js');
const STREAM_BYTES = 20 * 1024 * 1024;
const FLOOD = 100_000;
const BIG_MESSAGE = 8 * 1024 * 1024;

/** Build the lab with tsc when out/ is missing or older than its sources. */
function ensureBuilt() {
  /** @param {string} dir */
  const newest = (dir) =>
    fs.readdirSync(dir).reduce((t, f) => (/\.(ts|cjs)$/.test(f) ? Math.max(t, fs.statSync(path.join(dir, f)).mtimeMs) : t), 0);
  const sources = Math.max(...['electron/lab', 'electron/probe', 'shared'].map((d) => newest(path.join(ROOT, d))));
  if (fs.existsSync(LAB_ENTRY) && fs.statSync(LAB_ENTRY).mtimeMs >= sources) return;
  process.stdout.write('building the lab (tsc -p tsconfig.node.json)…\n');
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], { cwd: ROOT, stdio: 'inherit' });
  if (!fs.existsSync(LAB_ENTRY)) throw new Error(`the build did not produce ${LAB_ENTRY}`);
}

/** @param {any[]} log @param {number} bossPid */
function childStdoutBytes(log, bossPid) {
  return log.filter((e) => e.type === 'stdout' && e.pid !== bossPid).reduce((sum, e) => sum + e.bytes, 0);
}

/** @param {any[]} log @param {'send' | 'recv'} dir */
function messageCount(log, dir) {
  return log.filter((e) => e.type === 'message' && e.dir === dir).reduce((sum, e) => sum + (e.count ?? 1), 0);
}

/** The big messages of the log are logged at their size on the wire (±1 %), alike at both ends. @param {any[]} log */
function bigMessagesAtWireSize(log) {
  const big = (/** @type {string} */ dir) => log.filter((e) => e.type === 'message' && e.dir === dir && e.bytes > BIG_MESSAGE / 2).map((e) => e.bytes);
  const sent = big('send');
  const received = big('recv');
  return sent.length === 4 && sent.join() === received.join() && sent.every((b) => Math.abs(b - BIG_MESSAGE) / BIG_MESSAGE <= 0.01);
}

/** Whether the log holds the event loop's callbacks (the boss's main script at least). @param {any[]} log */
function callbacksRecorded(log) {
  return log.some((e) => e.type === 'task');
}

/** @param {number[]} values */
const mib = (values) => (median(values) / 1024).toFixed(1);

const CASES = [
  {
    name: '20 MiB in 1 KiB writes',
    workload: 'stream-parent.js',
    args: [],
    runs: 7,
    goal: 1.1,
    /** @param {any} bare @param {any} lab */
    exact: (bare, lab) =>
      bare.bytes === STREAM_BYTES && lab.bytes === STREAM_BYTES && childStdoutBytes(lab.log, lab.log[0].pid) === STREAM_BYTES,
  },
  {
    name: `fork flood, ${FLOOD / 1000}k messages`,
    workload: 'flood-parent.js',
    args: [String(FLOOD)],
    runs: 7,
    goal: 1.1,
    /** @param {any} bare @param {any} lab */
    exact: (bare, lab) => bare.messages === FLOOD && lab.messages === FLOOD && messageCount(lab.log, 'send') === FLOOD && messageCount(lab.log, 'recv') === FLOOD,
  },
  {
    name: `Worker thread flood, ${FLOOD / 1000}k messages`,
    workload: 'thread-flood-parent.js',
    args: [String(FLOOD)],
    runs: 7,
    goal: 1.25,
    /** @param {any} bare @param {any} lab */
    exact: (bare, lab) => bare.messages === FLOOD && lab.messages === FLOOD && messageCount(lab.log, 'send') === FLOOD && messageCount(lab.log, 'recv') === FLOOD,
  },
  {
    name: `pool of ${os.availableParallelism()} CPU-bound forks`,
    workload: 'pool-parent.js',
    args: [],
    runs: 7,
    goal: 1.05,
    /** @param {any} bare @param {any} lab */
    exact: (bare, lab) => bare.primes === lab.primes,
  },
  {
    name: "fork, 4 × 8 MiB Uint8Array, 'advanced'",
    workload: 'big-messages-parent.js',
    args: [],
    runs: 7,
    goal: 1.5,
    /** @param {any} bare @param {any} lab */
    exact: (bare, lab) => bare.messages === 4 && lab.messages === 4 && bigMessagesAtWireSize(lab.log),
    /**
     * Peak memory of each process (goal ≤ 1.2× bare) and CPU time, medians.
     * @param {any[]} bare @param {any[]} lab
     */
    more: (bare, lab) => {
      const parent = median(lab.map((r) => r.rss)) / median(bare.map((r) => r.rss));
      const child = median(lab.map((r) => r.childRss)) / median(bare.map((r) => r.childRss));
      const cpu = median(lab.map((r) => r.cpu + r.childCpu)) / median(bare.map((r) => r.cpu + r.childCpu));
      const met = Math.max(parent, child) <= 1.2 ? 'met' : 'MISSED';
      return [
        `  peak memory (maxRSS, median) parent ${mib(bare.map((r) => r.rss))} → ${mib(lab.map((r) => r.rss))} MiB (${parent.toFixed(2)}×),`,
        `child ${mib(bare.map((r) => r.childRss))} → ${mib(lab.map((r) => r.childRss))} MiB (${child.toFixed(2)}×): ≤ 1.20× ${met};`,
        `CPU time of both ${cpu.toFixed(2)}× bare; messages logged at their wire size (±1 %) at both ends`,
      ].join(' ');
    },
  },
];

/** @param {(string | number)[][]} rows */
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r, ri) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ') + (ri === 0 ? '\n' + widths.map((w) => '─'.repeat(w)).join('  ') : '')).join('\n');
}

const ms = (/** @type {number} */ x) => x.toFixed(1);

/** Callbacks recorded vs left out (OBRA_TASKS=0): the cost of the callback track alone. */
const CALLBACKS_GOAL = 1.3;

async function overhead(Lab) {
  const lab = new Lab();
  const labWithoutCallbacks = new Lab({ env: { OBRA_TASKS: '0' } });
  const cpu = (/** @type {any[]} */ results) => results.map((r) => r.treeCpuMs).filter((x) => typeof x === 'number');
  const rows = [['workload', 'runs', 'bare ms', 'lab ms', 'lab/bare', 'goal', 'best bare', 'best lab', 'best ×', 'counts', 'no callbacks ms', 'lab/no callbacks', 'CPU lab/bare', 'best CPU ×', 'lab CPU ms']];
  let allExact = true;
  /** @type {string[]} */
  const notes = [];
  try {
    for (const c of CASES) {
      const bare = [];
      const under = [];
      const withoutCallbacks = [];
      let exact = true;
      for (let i = 0; i < c.runs; i++) {
        const b = await runBare(c.workload, c.args);
        const l = await runUnderLab(lab, c.workload, c.args);
        const n = await runUnderLab(labWithoutCallbacks, c.workload, c.args);
        exact &&= c.exact(b, l) && c.exact(b, n) && callbacksRecorded(l.log) && !callbacksRecorded(n.log);
        bare.push(b);
        under.push(l);
        withoutCallbacks.push(n);
      }
      allExact &&= exact;
      const bareMs = median(bare.map((r) => r.ms));
      const labMs = median(under.map((r) => r.ms));
      const ratio = labMs / bareMs;
      const bestBare = Math.min(...bare.map((r) => r.ms));
      const bestLab = Math.min(...under.map((r) => r.ms));
      const noCallbacksMs = median(withoutCallbacks.map((r) => r.ms));
      const callbacksRatio = labMs / noCallbacksMs;
      rows.push([
        c.name, c.runs, ms(bareMs), ms(labMs), `${ratio.toFixed(2)}×`, `≤ ${c.goal.toFixed(2)}× ${ratio <= c.goal ? 'met' : 'MISSED'}`,
        ms(bestBare), ms(bestLab), `${(bestLab / bestBare).toFixed(2)}×`, exact ? 'exact' : 'WRONG',
        ms(noCallbacksMs), `${callbacksRatio.toFixed(2)}× ${callbacksRatio <= CALLBACKS_GOAL ? '' : `(> ${CALLBACKS_GOAL}×)`}`.trim(),
        ...(cpu(bare).length && cpu(under).length
          ? [`${(median(cpu(under)) / median(cpu(bare))).toFixed(2)}×`, `${(Math.min(...cpu(under)) / Math.min(...cpu(bare))).toFixed(2)}×`, ms(median(under.map((r) => r.selfCpuMs)))]
          : ['-', '-', '-']),
      ]);
      if (c.more) notes.push(`${c.name}:\n${c.more(bare, under)}`);
      process.stdout.write(`  done: ${c.name}\n`);
    }
  } finally {
    await lab.shutdown();
    await labWithoutCallbacks.shutdown();
  }
  const legend = [
    `"no callbacks": the same lab with OBRA_TASKS=0 (the event loop's callbacks not recorded); lab/no callbacks is what recording them costs (goal ≤ ${CALLBACKS_GOAL}×).`,
    '"CPU": CPU time of the workload\'s processes (all threads, start to exit; under the lab the run\'s cgroup: the boss and all it started, not the site keeper),',
    'median and best, lab/bare: what the probe costs them, whatever else the machine runs. "lab CPU": the lab\'s own (in this process) during a run, which',
    'on a machine with few cores competes with the workload for them (that part shows in the wall-clock figures only).',
  ].join('\n');
  return { text: [table(rows), legend, ...notes].join('\n'), allExact };
}

/** The 1, 5 and 15-minute load averages, and the cores they are shared by. */
function loadAverages() {
  return `${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.availableParallelism()} cores`;
}

async function main() {
  ensureBuilt();
  enterBenchCgroup();
  const { Lab } = require(LAB_ENTRY);
  watchRunCgroups(path.dirname(LAB_ENTRY));
  process.stdout.write(`Obra bench — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${os.platform()}\n`);
  process.stdout.write(`Load average at start: ${loadAverages()} (figures on a busy machine swing: compare with the best-of columns)\n`);
  process.stdout.write('Overhead: the workload times itself (first line of the boss → its last event); median and best of\n');
  process.stdout.write('the runs, bare and lab alternating. Goals are judged on the medians.\n');
  const { text, allExact } = await overhead(Lab);
  process.stdout.write('\n' + text + '\n');
  process.stdout.write(`Load average after: ${loadAverages()}\n\n`);

  process.stdout.write('Probe → subscriber throughput (a Lab subscriber in this process, events counted as delivered):\n');
  const throughput = await measureThroughput(Lab);
  process.stdout.write(throughput.text + '\n');

  const rendererBench = path.join(__dirname, 'renderer.bench.cjs');
  if (process.argv.includes('--skip-renderer')) process.stdout.write('\n(renderer bench skipped: --skip-renderer)\n');
  else if (fs.existsSync(rendererBench)) {
    process.stdout.write('\nRenderer (bench/renderer.bench.cjs):\n');
    spawnSync(process.execPath, [rendererBench], { cwd: ROOT, stdio: 'inherit' });
    process.stdout.write('\nThe wire, child → page (bench/wire.bench.cjs):\n');
    spawnSync(process.execPath, [path.join(__dirname, 'wire.bench.cjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  const recordingBench = path.join(__dirname, 'recording.bench.cjs');
  if (process.argv.includes('--skip-recording')) process.stdout.write('\n(large-recordings bench skipped: --skip-recording)\n');
  else if (fs.existsSync(recordingBench)) {
    process.stdout.write('\nLarge recordings (bench/recording.bench.cjs):\n');
    spawnSync(process.execPath, [recordingBench], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!allExact || !throughput.allExact) {
    process.stdout.write('\nSome counts under the lab did not match: see WRONG above.\n');
    process.exitCode = 1;
  }
}

main().catch((err) => {
  process.stderr.write(`bench: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
});
