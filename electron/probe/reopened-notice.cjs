// @ts-check
'use strict';
const { now } = require('./clock.cjs');

/**
 * The record that tells the lab the probe connected to the report channel again, after the
 * program took the descriptor it wrote to (fifo-guard.cjs, pipe-guard.cjs): one JSON line.
 * @param {number} lost the descriptor the program took
 * @param {number} fd the probe's new one
 */
function reopenedNotice(lost, fd) {
  const notice = {
    type: 'error', t: now(), pid: process.pid, where: 'probe', name: 'ObraError', code: 'ERR_OBRA_CHANNEL_REOPENED',
    message: `The program closed the probe's report descriptor (${lost}) and may have opened something else under that number; the probe opened the report channel again (${fd}) and goes on reporting.`,
  };
  return JSON.stringify(notice) + '\n';
}

module.exports = { reopenedNotice };
