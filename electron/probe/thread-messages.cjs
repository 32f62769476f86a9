// @ts-check
'use strict';
/**
 * Messages between two threads of this process (`postMessage` of node:worker_threads), seen
 * from both ends as IPC messages are: numbered per pair of threads and direction, so send #n
 * (reported by the sending thread) joins recv #n (reported by the receiving one). A message
 * is measured by V8's serializer — the structured clone postMessage makes — before it is sent
 * (a transferred buffer is empty afterwards).
 */
const v8 = require('node:v8');
const { admitFrequent, reportAlone, startRun, ALONE, START_RUN } = require('./report.cjs');
const { previewText } = require('./preview.cjs');

/**
 * @param {unknown} message
 * @returns {{ bytes: number, text: string }}
 */
function measureCloned(message) {
  let bytes = 0;
  try {
    bytes = v8.serialize(message).byteLength;
  } catch {
    // a MessagePort or another value only postMessage can carry: its size is not known
  }
  let text = '';
  try {
    text = JSON.stringify(message) ?? String(message);
  } catch {
    text = String(message); // a cycle, a BigInt
  }
  return { bytes, text };
}

/**
 * One direction between two threads, as seen from this one.
 * @param {'send' | 'recv'} dir
 * @param {number} fromThread
 * @param {number} toThread
 */
function threadMessageCounter(dir, fromThread, toThread) {
  const key = `${dir}:t${fromThread}>t${toThread}`;
  let seq = 0;
  return {
    /**
     * @param {{ bytes: number, text: string }} measured
     * @param {number} t when it was sent / delivered
     */
    note(measured, t) {
      seq += 1;
      const verdict = admitFrequent(key, t, measured.bytes, seq);
      if (verdict !== ALONE && verdict !== START_RUN) return;
      const pid = process.pid;
      /** @type {import('../../shared/events').MessageEvent} */
      const record = { type: 'message', t, pid, dir, from: pid, to: pid, fromThread, toThread, seq, bytes: measured.bytes, preview: previewText(measured.text) };
      if (verdict === ALONE) reportAlone(record);
      else startRun(key, record);
    },
  };
}

module.exports = { threadMessageCounter, measureCloned };
