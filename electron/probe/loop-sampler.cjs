// @ts-check
'use strict';
/**
 * The process's own figures, every SAMPLE_MS, from an unref()ed interval: it keeps no process
 * alive. Event-loop utilisation, and CPU (process.cpuUsage(): user + system of every thread,
 * as % of one core over the interval) and RSS (process.memoryUsage.rss()) measured from inside,
 * so a Node process has figures even where the OS process table gives none. A blocked loop
 * shows as a missing sample, then one covering a long `interval` with `elu` close to 1.
 * RSS is sent when it moved by RSS_STEP or more (or RSS_REFRESH_US passed): records stay small.
 * A Worker thread samples its own event loop only: CPU and RSS are the whole process's, and the
 * main thread reports them once (twice would count them twice).
 */
const perfHooks = require('node:perf_hooks');
const { isMainThread } = require('node:worker_threads');
const { now } = require('./clock.cjs');
const { report } = require('./report.cjs');
const { ownInterval } = require('./own-timers.cjs');

const SAMPLE_MS = 50;
const RSS_STEP = 64 * 1024;
const RSS_REFRESH_US = 1_000_000;

function startLoopSampler() {
  let last = perfHooks.performance.eventLoopUtilization();
  let lastCpu = process.cpuUsage();
  let lastT = now();
  let sentRss = -Infinity;
  let sentRssAt = -Infinity;
  ownInterval(() => {
    try {
      const current = perfHooks.performance.eventLoopUtilization();
      const t = now();
      const interval = t - lastT;
      const { utilization } = perfHooks.performance.eventLoopUtilization(current, last);
      /** @type {{ type: 'sample', t: number, pid: number, elu: number, interval: number, cpu?: number, rss?: number }} */
      const sample = { type: 'sample', t, pid: process.pid, elu: Math.round(utilization * 1000) / 1000, interval };
      if (isMainThread) {
        const cpu = process.cpuUsage();
        const usedUs = cpu.user - lastCpu.user + (cpu.system - lastCpu.system);
        sample.cpu = interval > 0 ? Math.round((usedUs / interval) * 1000) / 10 : 0;
        lastCpu = cpu;
        const rss = process.memoryUsage.rss();
        if (Math.abs(rss - sentRss) >= RSS_STEP || t - sentRssAt >= RSS_REFRESH_US) {
          sample.rss = rss;
          sentRss = rss;
          sentRssAt = t;
        }
      }
      report(sample);
      last = current;
      lastT = t;
    } catch {
      // never break the program
    }
  }, SAMPLE_MS);
}

module.exports = { startLoopSampler };
