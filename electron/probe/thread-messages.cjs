// @ts-check
'use strict';
/**
 * Messages between two threads of this process (`postMessage` of node:worker_threads), seen
 * from both ends as IPC messages are: numbered per pair of threads and direction, so send #n
 * (reported by the sending thread) joins recv #n (reported by the receiving one). A message
 * is measured before it is sent (a transferred buffer is empty afterwards).
 */
const v8 = require('node:v8');
const { now } = require('./clock.cjs');
const { admitFrequent, reportAlone, startRun, ALONE, START_RUN } = require('./report.cjs');
const { previewText } = require('./preview.cjs');
const { replaceProperty } = require('./replace-property.cjs');
const { safely } = require('./async-calls.cjs');
const { messageHead } = require('./message-preview.cjs');

/**
 * A message's size and text. Sized as an IPC message is, by its JSON text (cheap, and the
 * same measure on both kinds of channel); V8's serializer — the structured clone itself,
 * several times slower — only for what JSON cannot express: binary data, a BigInt, a cycle.
 * @param {unknown} message
 * @returns {{ bytes: number, text: string | null }} bytes 0 for a value only postMessage can
 *   carry (a MessagePort); text null when not JSON
 */
function measureThreadMessage(message) {
  if (!(message instanceof ArrayBuffer || ArrayBuffer.isView(message))) {
    try {
      const text = JSON.stringify(message);
      if (typeof text === 'string') return { bytes: Buffer.byteLength(text), text };
    } catch {
      // a BigInt, a cycle: not JSON
    }
  }
  try {
    return { bytes: v8.serialize(message).byteLength, text: null };
  } catch {
    return { bytes: 0, text: null };
  }
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
     * @param {unknown} message
     * @param {{ bytes: number, text: string | null }} measured its measureThreadMessage
     * @param {number} t when it was sent / delivered
     */
    note(message, { bytes, text }, t) {
      seq += 1;
      const verdict = admitFrequent(key, t, bytes, seq);
      if (verdict !== ALONE && verdict !== START_RUN) return;
      const pid = process.pid;
      /** @type {import('../../shared/events').IpcMessageEvent} */
      const record = { type: 'message', t, pid, dir, from: pid, to: pid, fromThread, toThread, seq, bytes, preview: previewText(text ?? messageHead(message).text) };
      if (verdict === ALONE) reportAlone(record);
      else startRun(key, record);
    },
  };
}

/**
 * Counts what `port.postMessage` (a Worker's, or a thread's parentPort) sends: each message is
 * measured before it goes; one Node cannot clone throws and is not counted.
 * @param {{ postMessage: Function }} port
 * @param {ReturnType<typeof threadMessageCounter>} sent
 * @param {() => boolean} [ended] a message to a thread that has ended goes nowhere: not counted
 */
function countPosts(port, sent, ended = () => false) {
  const originalPost = port.postMessage;
  replaceProperty(port, 'postMessage', /** @this {unknown} */ function postMessage(/** @type {unknown} */ message) {
    if (ended()) return Reflect.apply(originalPost, this, arguments);
    const t = now();
    const measured = measureThreadMessage(message);
    const result = Reflect.apply(originalPost, this, arguments);
    safely(() => sent.note(message, measured, t));
    return result;
  });
}

module.exports = { threadMessageCounter, measureThreadMessage, countPosts };
