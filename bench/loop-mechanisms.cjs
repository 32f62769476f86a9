// @ts-check
// `node bench/loop-mechanisms.cjs [runs]`: what each candidate way of seeing every callback of an
// event loop costs and what it sees (docs/PROBE-NOTES.md, "Every callback of the event loop").
// Each workload runs bare and under each candidate (bench/loop-mechanisms-preload.cjs), in turn,
// `runs` times (default 5); medians of the workload's own time, and what the candidate counted.
// A measurement, not a test: it prints figures.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { benchLine, median } = require('./runners.cjs');

const PRELOAD = path.join(__dirname, 'loop-mechanisms-preload.cjs');
const MECHANISMS = ['bare', 'hooks-before-after', 'hooks-init', 'wrap-entry-points'];
const WORKLOADS = [
  ['fork flood, 100k messages', 'flood-parent.js', '100000'],
  ['1M awaits', 'promise-awaits.js', '1000000'],
  ['3k HTTP requests, keep-alive, 127.0.0.1', 'http-keepalive.js', '3000'],
  ['5k fs.stat', 'fs-stats.js', '5000'],
  ['200k setImmediate', 'immediates.js', '200000'],
];

/** @param {string} file @param {string} arg @param {string} mechanism */
function runOnce(file, arg, mechanism) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    if (mechanism !== 'bare') Object.assign(env, { NODE_OPTIONS: `--require ${PRELOAD}`, OBRA_LOOP_MECHANISM: mechanism });
    const child = spawn(process.execPath, [path.join(__dirname, 'workloads', file), arg], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (t) => (out += t));
    child.stderr.setEncoding('utf8').on('data', (t) => (err += t));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${file} under ${mechanism} exited ${code}: ${err.slice(0, 300)}`));
      /** @type {Record<string, number>} */
      const seen = {};
      let callbackMs = 0;
      for (const [, json] of err.matchAll(/^LOOP (\{.*\})$/gm)) {
        const loop = JSON.parse(json);
        for (const [kind, n] of Object.entries(loop.seen)) seen[kind] = (seen[kind] ?? 0) + /** @type {number} */ (n);
        callbackMs += loop.totalMs;
      }
      resolve({ ms: benchLine(out).ms, seen, callbackMs });
    });
  });
}

async function main() {
  const runs = Number(process.argv[2] || 5);
  process.stdout.write(`node ${process.version}; ${runs} runs each, candidates in turn; medians of the workload's own ms\n`);
  for (const [name, file, arg] of WORKLOADS) {
    /** @type {Record<string, number[]>} */
    const times = Object.fromEntries(MECHANISMS.map((m) => [m, []]));
    /** @type {Record<string, any>} */
    const last = {};
    for (let i = 0; i < runs; i++) {
      for (const m of MECHANISMS) {
        const r = /** @type {any} */ (await runOnce(file, arg, m));
        times[m].push(r.ms);
        last[m] = r;
      }
    }
    const bare = median(times.bare);
    process.stdout.write(`\n${name}: bare ${bare.toFixed(0)} ms\n`);
    for (const m of MECHANISMS.slice(1)) {
      const seen = Object.entries(last[m].seen).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
      process.stdout.write(`  ${m.padEnd(20)} ${median(times[m]).toFixed(0).padStart(6)} ms  ${(median(times[m]) / bare).toFixed(2)}×  saw: ${seen || 'nothing'} (${last[m].callbackMs} ms in callbacks)\n`);
    }
  }
}

main().catch((err) => {
  process.stderr.write(`loop-mechanisms: ${err.stack ?? err}\n`);
  process.exitCode = 1;
});
