// Lab pipeline capacity, under the lab only: N records written straight to the run's
// report channel with the probe's own writer (whole lines, ≤ 4,096 bytes a write), as a
// probe does under load, but with no coalescing at all: every record is one stdout
// event of 1 byte. What is measured is the lab's side: FIFO → parse → check → log →
// batches → subscriber. The records are synthetic and say so: they belong to call 0 of
// this process (childId "<pid>:0"), a number no real call has (calls count from 1).
'use strict';
const path = require('node:path');
const { openChannelWriter } = require(path.join(__dirname, '..', '..', 'electron', 'probe', 'report-channel-writer.cjs'));
const { elapsedMs, report } = require('./report');

const total = Number(process.argv[2] || 300000);
const writer = process.env.OBRA_REPORT ? openChannelWriter(process.env.OBRA_REPORT) : null;
if (!writer) throw new Error('channel-flood runs under the lab only (no OBRA_REPORT channel)');
const t0 = BigInt(process.env.OBRA_T0);
const now = () => Number((process.hrtime.bigint() - t0) / 1000n);

let line = '';
for (let i = 0; i < total; i++) {
  const record = JSON.stringify({ type: 'stdout', t: now(), pid: process.pid, childId: `${process.pid}:0`, bytes: 1, preview: 'x' }) + '\n';
  if (line.length + record.length > 4096) {
    writer.write(line);
    line = '';
  }
  line += record;
}
if (line) writer.write(line);
report({ ms: elapsedMs(), records: total });
