// @ts-check
'use strict';
/**
 * The run's clock. Every observed process stamps its records with microseconds since OBRA_T0,
 * read from process.hrtime.bigint(): one monotonic clock shared by all processes of the machine.
 */

const origin = parseOrigin(process.env.OBRA_T0);

/** @param {string | undefined} text */
function parseOrigin(text) {
  if (text && /^\d+$/.test(text)) return BigInt(text);
  // Without the lab's origin, times are at least consistent within this process.
  return process.hrtime.bigint();
}

/** Microseconds since the run started (an integer). */
function now() {
  return Number((process.hrtime.bigint() - origin) / 1000n);
}

module.exports = { now };
