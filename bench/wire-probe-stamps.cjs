// @ts-check
// Preloaded by bench/wire.bench.cjs into every process of the measured run, before the
// probe (NODE_OPTIONS=--require this --require the probe): it stamps the moment the probe
// hands its records to the report channel. It wraps fs.writeSync, which the probe's channel
// writer calls with each chunk of whole record lines (a string), and for every sampled record (its `t`
// a multiple of SAMPLE_EVERY µs, the rule every stage of the bench uses) keeps
// "pid type t written-at" (µs on the machine's monotonic clock, hrtime). It also counts
// the probe's writes and bytes. Lines go to OBRA_WIRE_STAMPS/<pid>.stamps, appended
// every 200 ms at most (a process killed at Stop loses its last fraction of a second).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.OBRA_WIRE_STAMPS;
const SAMPLE_EVERY = Number(process.env.OBRA_WIRE_SAMPLE || 20);

if (dir) {
  const file = path.join(dir, `${process.pid}.stamps`);
  const writeSync = fs.writeSync;
  const RECORD = /"type":"([a-z-]+)","t":(\d+),"pid":(\d+)/g;
  let out = `T0 ${process.env.OBRA_T0}\n`;
  let writes = 0;
  let bytes = 0;
  let lastSave = 0;
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  const save = (/** @type {number} */ at) => {
    lastSave = at;
    fs.appendFileSync(file, `${out}W ${writes} ${bytes}\n`);
    out = '';
  };
  /** @type {any} */
  const wrapped = function (/** @type {number} */ fd, /** @type {any} */ buffer, /** @type {any[]} */ ...rest) {
    // The probe's writes: strings of whole record lines (a retry after a short write goes on
    // from a Buffer of the same bytes, at an offset: not a new write).
    if (typeof buffer === 'string' && buffer.startsWith('{"type":')) {
      const at = nowUs();
      writes++;
      bytes += Buffer.byteLength(buffer);
      const text = buffer;
      RECORD.lastIndex = 0;
      for (let m = RECORD.exec(text); m; m = RECORD.exec(text)) {
        if (Number(m[2]) % SAMPLE_EVERY === 0) out += `${m[3]} ${m[1]} ${m[2]} ${at}\n`;
      }
      if (at - lastSave > 200_000) save(at);
    }
    return writeSync.call(fs, fd, buffer, ...rest);
  };
  fs.writeSync = wrapped;
}
