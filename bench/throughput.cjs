// @ts-check
// Probe → subscriber throughput: forked children flood the boss with messages;
// every send and every delivery is an occurrence the probe reports. Counted as a
// Lab subscriber receives the batches, and checked exact against the workload.
//
// The probe sums a stream's or channel's occurrences past 200 per 50 ms into one
// record with an exact `count` (and firstSeq..lastSeq), and the lab may coalesce
// further past its own rate limit. So two figures: records delivered per second,
// and occurrences (a record counts for its `count`) per second. The same workload
// run bare shows how fast it produces occurrences at all.
'use strict';
const { runBare, runUnderLab, median } = require('./runners.cjs');

const CHILDREN = 2;
const EACH = 150_000;
const TOTAL = CHILDREN * EACH;
const OCCURRENCES = 2 * TOTAL;
const RUNS = 3;
const ARGS = [String(CHILDREN), String(EACH)];

/**
 * @param {any} Lab
 * @param {object} options LabOptions
 */
async function underLab(Lab, options) {
  const lab = new Lab(options);
  try {
    const r = await runUnderLab(lab, 'events-parent.js', ARGS);
    let sends = 0;
    let recvs = 0;
    for (const e of r.log) {
      if (e.type !== 'message') continue;
      if (e.dir === 'send') sends += e.count ?? 1;
      else recvs += e.count ?? 1;
    }
    return {
      records: r.seen.records,
      occurrences: r.seen.occurrences,
      seconds: Number(r.seen.lastAt - r.startedAt) / 1e9,
      exact: r.messages === TOTAL && sends === TOTAL && recvs === TOTAL && r.seen.records === r.log.length && r.seen.end,
      sends,
      recvs,
    };
  } finally {
    await lab.shutdown();
  }
}

const SYNTHETIC = 300_000;

/**
 * The lab's side alone (channel → subscriber), fed faster than any probe would.
 * @param {any} Lab
 */
async function pipelineCapacity(Lab) {
  const lab = new Lab({ maxEventsPerSecond: 1_000_000_000 });
  try {
    const r = await runUnderLab(lab, 'channel-flood.js', [String(SYNTHETIC)]);
    let records = 0;
    let bytes = 0;
    const synthetic = `${r.log[0].pid}:0`; // call 0 of the boss (channel-flood.js): no real call has it
    for (const e of r.log) {
      if (e.childId !== synthetic) continue;
      records++;
      bytes += e.bytes;
    }
    return {
      seconds: Number(r.seen.lastAt - r.startedAt) / 1e9,
      deliverySeconds: Number(r.seen.lastAt - r.seen.firstDataAt) / 1e9,
      exact: records === SYNTHETIC && bytes === SYNTHETIC && r.seen.records === r.log.length,
    };
  } finally {
    await lab.shutdown();
  }
}

/** @param {any} Lab */
async function measureThroughput(Lab) {
  const n = (/** @type {number} */ x) => Math.round(x).toLocaleString('en-US');
  const bare = [];
  /** @type {Record<string, any[]>} */
  const configs = { 'lab defaults': [], 'lab rate limit raised': [] };
  for (let i = 0; i < RUNS; i++) {
    bare.push(await runBare('events-parent.js', ARGS));
    configs['lab defaults'].push(await underLab(Lab, {}));
    configs['lab rate limit raised'].push(await underLab(Lab, { maxEventsPerSecond: 1_000_000_000 }));
  }
  const bareSeconds = median(bare.map((r) => r.wallMs)) / 1000;
  const lines = [
    `  workload: ${CHILDREN} forked children × ${n(EACH)} messages to the boss = ${n(OCCURRENCES)} occurrences (sends + deliveries); median of ${RUNS}`,
    `  ${'bare node (no probe)'.padEnd(22)} ${' '.repeat(14)} ${bareSeconds.toFixed(2)} s   ${' '.repeat(17)} ${n(OCCURRENCES / bareSeconds).padStart(9)} occurrences/s produced`,
  ];
  let allExact = true;
  for (const [label, results] of Object.entries(configs)) {
    const seconds = median(results.map((r) => r.seconds));
    const records = median(results.map((r) => r.records));
    const exact = results.every((r) => r.exact);
    allExact &&= exact;
    lines.push(
      `  ${label.padEnd(22)} ${n(records).padStart(7)} records ${seconds.toFixed(2)} s = ${n(records / seconds).padStart(7)} records/s · ` +
        `${n(OCCURRENCES / seconds).padStart(9)} occurrences/s delivered · ${exact ? `exact (${n(TOTAL)} sends, ${n(TOTAL)} recvs)` : 'WRONG'}`,
    );
  }
  const pipeline = [];
  for (let i = 0; i < RUNS; i++) pipeline.push(await pipelineCapacity(Lab));
  const pSeconds = median(pipeline.map((r) => r.seconds));
  const pDelivery = median(pipeline.map((r) => r.deliverySeconds));
  const pExact = pipeline.every((r) => r.exact);
  allExact &&= pExact;
  lines.push(
    `  ${'lab pipeline alone'.padEnd(22)} ${n(SYNTHETIC).padStart(7)} records ${pSeconds.toFixed(2)} s = ${n(SYNTHETIC / pSeconds).padStart(7)} records/s, ` +
      `every one its own event · ${pExact ? 'exact' : 'WRONG'}`,
    `  ${''.padEnd(22)} first → last delivery ${pDelivery.toFixed(2)} s = ${n(SYNTHETIC / pDelivery)} records/s (without the boss's start-up)`,
  );
  lines.push('  (bare: spawn → exit; lab: startRun → the end batch at the subscriber. "Pipeline alone": synthetic 1-byte');
  lines.push('   stdout records written straight to the report channel with the probe\'s writer, lab rate limit raised)');
  return { text: lines.join('\n'), allExact };
}

module.exports = { measureThroughput };
