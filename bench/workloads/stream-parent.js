// 20 MiB in 1 KiB writes from a spawned node child, read by the parent with 'data'.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { elapsedMs, report } = require('./report');

const child = spawn(process.execPath, [path.join(__dirname, 'stream-child.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
let bytes = 0;
let chunks = 0;
child.stdout.on('data', (chunk) => {
  bytes += chunk.length;
  chunks++;
});
child.on('close', (code) => report({ ms: elapsedMs(), bytes, chunks, code }));
