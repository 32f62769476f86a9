// Writes 20 MiB to stdout in 1 KiB writes (stdout on a pipe is synchronous on Linux).
'use strict';
const block = Buffer.alloc(1024, 'x');
for (let i = 0; i < 20 * 1024; i++) process.stdout.write(block);
