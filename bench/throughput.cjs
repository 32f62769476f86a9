// @ts-check
// Probe → subscriber throughput: forked children flood the boss with messages;
// every send and every delivery is an observed occurrence. Counted as a Lab
// subscriber receives them, and checked exact against what the workload counted.
'use strict';
const { runUnderLab } = require('./runners.cjs');

const CHILDREN = 2;
const EACH = 150_000;
const TOTAL = CHILDREN * EACH;

/**
 * One run: `coalescing` true uses the lab's default rate limit (past it, runs of
 * output/messages become one event with an exact count); false raises the limit
 * so that every occurrence is its own event.
 * @param {any} Lab
 * @param {boolean} coalescing
 */
async function once(Lab, coalescing) {
  const lab = new Lab(coalescing ? {} : { maxEventsPerSecond: 1_000_000_000 });
  try {
    const r = await runUnderLab(lab, 'events-parent.js', [String(CHILDREN), String(EACH)]);
    let sends = 0;
    let recvs = 0;
    for (const e of r.log) {
      if (e.type !== 'message') continue;
      if (e.dir === 'send') sends += e.count ?? 1;
      else recvs += e.count ?? 1;
    }
    const seconds = Number(r.seen.lastAt - r.startedAt) / 1e9;
    return {
      label: coalescing ? 'lab defaults (coalescing on)' : 'no coalescing (limit raised)',
      records: r.seen.records,
      occurrences: r.seen.occurrences,
      seconds,
      exact: r.messages === TOTAL && sends === TOTAL && recvs === TOTAL && r.seen.records === r.log.length && r.seen.end,
      sends,
      recvs,
    };
  } finally {
    await lab.shutdown();
  }
}

/** @param {any} Lab */
async function measureThroughput(Lab) {
  const results = [await once(Lab, false), await once(Lab, true)];
  const n = (/** @type {number} */ x) => Math.round(x).toLocaleString('en-US');
  const lines = [`  workload: ${CHILDREN} forked children × ${n(EACH)} messages to the boss (${n(TOTAL)} sends + ${n(TOTAL)} deliveries)`];
  for (const r of results) {
    lines.push(
      `  ${r.label.padEnd(30)} ${n(r.records).padStart(9)} events in ${r.seconds.toFixed(2)} s = ${n(r.records / r.seconds).padStart(9)} events/s` +
        ` · ${n(r.occurrences / r.seconds).padStart(9)} occurrences/s · send ${n(r.sends)} / recv ${n(r.recvs)} ${r.exact ? 'exact' : 'WRONG'}`,
    );
  }
  lines.push('  (seconds: startRun → the end batch at the subscriber; occurrences count a coalesced event for its `count`)');
  return { text: lines.join('\n'), allExact: results.every((r) => r.exact) };
}

module.exports = { measureThroughput };
