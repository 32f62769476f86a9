// A million awaits in one async function: nothing but promise jobs (the worst case for promise hooks).
'use strict';
const { elapsedMs, report } = require('./report');

const total = Number(process.argv[2] || 1_000_000);
(async () => {
  let sum = 0;
  for (let i = 0; i < total; i++) sum += await i;
  report({ ms: elapsedMs(), sum });
})();
