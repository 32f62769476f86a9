// @ts-check
'use strict';
/**
 * Event-loop utilisation, every SAMPLE_MS, from an unref()ed interval: it keeps no process
 * alive. A blocked loop shows as a missing sample, then one covering a long `interval`
 * with `elu` close to 1.
 */
const perfHooks = require('node:perf_hooks');
const { now } = require('./clock.cjs');
const { report } = require('./report.cjs');

const SAMPLE_MS = 50;

function startLoopSampler() {
  let last = perfHooks.performance.eventLoopUtilization();
  let lastT = now();
  const timer = setInterval(() => {
    try {
      const current = perfHooks.performance.eventLoopUtilization();
      const t = now();
      const { utilization } = perfHooks.performance.eventLoopUtilization(current, last);
      report({ type: 'sample', t, pid: process.pid, elu: Math.round(utilization * 1000) / 1000, interval: t - lastT });
      last = current;
      lastT = t;
    } catch {
      // never break the program
    }
  }, SAMPLE_MS);
  timer.unref();
}

module.exports = { startLoopSampler };
