// A forked child sends N small messages as fast as it can; the parent counts them.
'use strict';
const { fork } = require('node:child_process');
const path = require('node:path');
const { elapsedMs, report } = require('./report');

const total = Number(process.argv[2] || 100000);
const child = fork(path.join(__dirname, 'flood-child.js'), [String(total)]);
let received = 0;
let ms = 0;
child.on('message', () => {
  if (++received === total) {
    ms = elapsedMs();
    child.disconnect();
  }
});
child.on('exit', (code) => report({ ms, messages: received, code }));
