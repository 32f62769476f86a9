// A pool of availableParallelism() forked workers, each doing the same CPU-bound count.
'use strict';
const { fork } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { elapsedMs, report } = require('./report');

const workers = os.availableParallelism();
const limit = Number(process.argv[2] || 3_000_000);
let done = 0;
let primes = 0;
for (let i = 0; i < workers; i++) {
  const worker = fork(path.join(__dirname, 'pool-worker.js'), [String(limit)]);
  worker.on('message', (count) => {
    primes += count;
    worker.disconnect();
  });
  worker.on('exit', () => {
    if (++done === workers) report({ ms: elapsedMs(), workers, primes });
  });
}
