// A forked child with serialization 'advanced' sends an 8 MiB Uint8Array four times; the
// parent counts them. Reports the time, and both processes' CPU time (ms) and peak memory
// (maxRSS, KiB) — rss/cpu the parent's, childRss/childCpu the child's.
'use strict';
const { fork } = require('node:child_process');
const path = require('node:path');
const { elapsedMs, report } = require('./report');

const child = fork(path.join(__dirname, 'big-messages-child.js'), [], { serialization: 'advanced' });
let messages = 0;
let bytes = 0;
let ms = 0;
/** @type {{ rss: number, cpu: number }} */
let childUse = { rss: 0, cpu: 0 };
child.on('message', (m) => {
  if (m instanceof Uint8Array) {
    messages++;
    bytes += m.byteLength;
    if (messages === 4) ms = Math.round(elapsedMs());
  } else {
    childUse = m;
    child.disconnect();
  }
});
child.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  const cpu = Math.round((userCPUTime + systemCPUTime) / 1000);
  report({ ms, messages, bytes, rss: maxRSS, cpu, childRss: childUse.rss, childCpu: childUse.cpu });
});
