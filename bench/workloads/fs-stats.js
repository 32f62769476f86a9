// N fs.stat calls, each started from the last one's callback.
'use strict';
const fs = require('node:fs');
const { elapsedMs, report } = require('./report');

const total = Number(process.argv[2] || 5000);
let done = 0;
const next = () => {
  if (++done === total) return report({ ms: elapsedMs(), stats: done });
  fs.stat(__filename, next);
};
fs.stat(__filename, next);
