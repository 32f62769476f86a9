// Sends an 8 MiB Uint8Array four times, then its own peak memory (KiB) and CPU time (ms).
'use strict';
const big = new Uint8Array(8 * 1024 * 1024).fill(7);
for (let i = 0; i < 4; i++) process.send(big);
const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
process.send({ rss: maxRSS, cpu: Math.round((userCPUTime + systemCPUTime) / 1000) });
