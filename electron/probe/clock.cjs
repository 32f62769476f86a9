// @ts-check
'use strict';
/**
 * The run's clock. Every observed process stamps its records with microseconds since OBRA_T0,
 * on the clock of process.hrtime.bigint(): one monotonic clock shared by all processes of the
 * machine. performance.now() reads that same clock (libuv's uv_hrtime) as a double, without
 * BigInt arithmetic: we measure the offset between the two once and read performance.now().
 */
const { performance: perf } = require('node:perf_hooks');

const origin = parseOrigin(process.env.OBRA_T0);
const offsetUs = measureOffset();

/** @param {string | undefined} text */
function parseOrigin(text) {
  if (text && /^\d+$/.test(text)) return BigInt(text);
  // Without the lab's origin, times are at least consistent within this process.
  return process.hrtime.bigint();
}

/** hrtime (µs since origin) minus performance.now() (µs), read as tightly as we can. */
function measureOffset() {
  let best = Infinity;
  let offset = 0;
  for (let i = 0; i < 5; i++) {
    const before = perf.now();
    const hr = Number((process.hrtime.bigint() - origin) / 1000n);
    const after = perf.now();
    if (after - before < best) {
      best = after - before;
      offset = hr - ((before + after) / 2) * 1000;
    }
  }
  return offset;
}

/** Microseconds since the run started (an integer). */
function now() {
  return Math.floor(perf.now() * 1000 + offsetUs);
}

module.exports = { now };
