// @ts-check
// One workload, bare and under one or more builds of the lab, alternating run by run, so that
// a change to the probe is judged against the build before it in the same minutes of the same
// machine's load (`npm run bench` compares bare and this build only).
//
//   node bench/compare.cjs <workload.js> [--runs N] [--no-callbacks] [--lab <package root>]… [-- args…]
//
// Each --lab is the root of a built Obra (its out/node/electron/lab and electron/probe); none:
// this checkout. Prints, per configuration, the median and best of the workload's own time,
// of its process tree's CPU time and of the lab's CPU (tree-cpu.cjs), and ratios to bare.
'use strict';
const path = require('node:path');
const os = require('node:os');
const { runBare, runUnderLab, median } = require('./runners.cjs');
const { enterBenchCgroup, watchRunCgroups } = require('./tree-cpu.cjs');

function parse() {
  const argv = process.argv.slice(2);
  const dashes = argv.indexOf('--');
  const own = dashes < 0 ? argv : argv.slice(0, dashes);
  const args = dashes < 0 ? [] : argv.slice(dashes + 1);
  /** @type {string[]} */
  const labs = [];
  let runs = 7;
  let callbacks = true;
  let workload = '';
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--runs') runs = Number(own[++i]);
    else if (own[i] === '--lab') labs.push(path.resolve(own[++i]));
    else if (own[i] === '--no-callbacks') callbacks = false;
    else workload = own[i];
  }
  if (!workload) throw new Error('usage: node bench/compare.cjs <workload.js> [--runs N] [--no-callbacks] [--lab <root>]… [-- args…]');
  if (!labs.length) labs.push(path.join(__dirname, '..'));
  return { workload, args, labs, runs, callbacks };
}

/** @param {number[]} values */
const stats = (values) => ({ median: median(values), best: Math.min(...values) });

async function main() {
  const { workload, args, labs, runs, callbacks } = parse();
  const cpu = enterBenchCgroup();
  const env = callbacks ? {} : { OBRA_TASKS: '0' };
  const instances = labs.map((root) => {
    const labDir = path.join(root, 'out', 'node', 'electron', 'lab');
    const { Lab } = require(path.join(labDir, 'index.js'));
    watchRunCgroups(labDir);
    return { root, lab: new Lab({ env }) };
  });
  /** @type {any[][]} */
  const results = [[], ...instances.map(() => [])];
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(', ');
  process.stdout.write(`${workload} ${args.join(' ')} · ${runs} rounds · callbacks ${callbacks ? 'recorded' : 'off'} · load ${load()}\n`);
  try {
    for (let i = 0; i < runs; i++) {
      results[0].push(await runBare(workload, args));
      for (let j = 0; j < instances.length; j++) {
        const r = await runUnderLab(instances[j].lab, workload, args);
        delete r.log;
        results[j + 1].push(r);
      }
    }
  } finally {
    for (const { lab } of instances) await lab.shutdown();
  }
  const bare = { ms: stats(results[0].map((r) => r.ms)), cpu: cpu ? stats(results[0].map((r) => r.treeCpuMs)) : null };
  const f = (/** @type {number} */ x) => x.toFixed(1).padStart(7);
  const x = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;
  results.forEach((rs, k) => {
    const name = k === 0 ? 'bare' : path.basename(instances[k - 1].root);
    const ms = stats(rs.map((r) => r.ms));
    let line = `${name.padEnd(16)} ms ${f(ms.median)} (best ${f(ms.best)})`;
    if (k > 0) line += ` ${x(ms.median, bare.ms.median)} (best ${x(ms.best, bare.ms.best)})`;
    if (bare.cpu) {
      const c = stats(rs.map((r) => r.treeCpuMs));
      line += ` · tree CPU ms ${f(c.median)} (best ${f(c.best)})`;
      if (k > 0) line += ` ${x(c.median, bare.cpu.median)} (best ${x(c.best, bare.cpu.best)}) · lab CPU ${f(median(rs.map((r) => r.selfCpuMs)))}`;
    }
    process.stdout.write(line + '\n');
  });
  process.stdout.write(`load after ${load()}\n`);
}

main().catch((err) => {
  process.stderr.write(`compare: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
});
