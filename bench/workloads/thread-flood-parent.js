// A Worker thread sends N small messages to the main thread as fast as it can; the main thread counts them.
'use strict';
const { Worker } = require('node:worker_threads');
const { elapsedMs, report } = require('./report');

const total = Number(process.argv[2] || 100000);
const worker = new Worker(`const { parentPort } = require('node:worker_threads'); for (let i = 0; i < ${total}; i++) parentPort.postMessage(i);`, { eval: true });
let received = 0;
let ms = 0;
worker.on('message', () => {
  if (++received === total) ms = elapsedMs();
});
worker.on('exit', (code) => report({ ms, messages: received, code }));
