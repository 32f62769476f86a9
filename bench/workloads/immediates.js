// N setImmediate callbacks, each scheduling the next.
'use strict';
const { elapsedMs, report } = require('./report');

const total = Number(process.argv[2] || 200_000);
let done = 0;
const next = () => {
  if (++done === total) return report({ ms: elapsedMs(), immediates: done });
  setImmediate(next);
};
setImmediate(next);
