// One line the bench harness reads back, bare or under the lab (there from the boss's stdout preview).
'use strict';
const start = process.hrtime.bigint();
module.exports = {
  /** Milliseconds since this workload started timing. */
  elapsedMs: () => Number(process.hrtime.bigint() - start) / 1e6,
  report: (fields) => process.stdout.write('BENCH ' + JSON.stringify(fields) + '\n'),
};
