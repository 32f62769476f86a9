// Probe → subscriber throughput: forked children each send M messages to the boss
// (every send and every receive is an observed occurrence).
'use strict';
const { fork } = require('node:child_process');
const path = require('node:path');
const { elapsedMs, report } = require('./report');

const children = Number(process.argv[2] || 2);
const each = Number(process.argv[3] || 150000);
let received = 0;
let exited = 0;
for (let i = 0; i < children; i++) {
  const child = fork(path.join(__dirname, 'flood-child.js'), [String(each)]);
  let mine = 0;
  child.on('message', () => {
    received++;
    if (++mine === each) child.disconnect();
  });
  child.on('exit', () => {
    if (++exited === children) report({ ms: elapsedMs(), messages: received });
  });
}
