// @ts-check
'use strict';
/**
 * Messages between two threads of this process (`postMessage` of node:worker_threads), seen
 * from both ends as IPC messages are: numbered per pair of threads and direction, so send #n
 * (reported by the sending thread) joins recv #n (reported by the receiving one). A message
 * is measured before it is sent (a transferred buffer is empty afterwards).
 *
 * This runs for every message of a flood (a thread can post 100k in a loop): no closure and no
 * object per message; a number is measured without JSON.stringify.
 */
const { now } = require('./clock.cjs');
const { admitFrequent, foldsWithoutClock, timeUnlessFolded, reportAlone, startRun, ALONE, START_RUN } = require('./report.cjs');
const { previewText } = require('./preview.cjs');
const { replaceProperty } = require('./replace-property.cjs');
const { lazy } = require('./lazy.cjs');

// Only binary messages, or what JSON cannot carry, need these: loaded then (every Worker thread loads this file at its start).
const v8 = lazy(() => require('node:v8'));
const messagePreviews = lazy(() => require('./message-preview.cjs'));

/** The JSON text of the message last measured, null when it is not JSON (read at once by the caller). */
/** @type {string | null} */
let measuredText = null;

/**
 * A message's size, and its text in `measuredText`. Sized as an IPC message is, by its JSON
 * text (cheap, and the same measure on both kinds of channel); V8's serializer — the
 * structured clone itself, several times slower — only for what JSON cannot express: binary
 * data, a BigInt, a cycle.
 * @param {unknown} message
 * @returns {number} bytes; 0 for a value only postMessage can carry (a MessagePort)
 */
function measureThreadMessage(message) {
  measuredText = null;
  if (typeof message === 'number') return numberBytes(message);
  if (!(message instanceof ArrayBuffer || ArrayBuffer.isView(message))) {
    try {
      const text = JSON.stringify(message);
      if (typeof text === 'string') {
        measuredText = text;
        return Buffer.byteLength(text);
      }
    } catch {
      // a BigInt, a cycle: not JSON
    }
  }
  try {
    return v8().serialize(message).byteLength;
  } catch {
    return 0;
  }
}

/**
 * The length of a number's JSON text (ASCII: a byte a character), without making the text: an
 * integer's digits counted, other finite numbers written as String() does (JSON's form), and
 * NaN and the infinities as `null`.
 * @param {number} n
 */
function numberBytes(n) {
  if (!Number.isSafeInteger(n)) return Number.isFinite(n) ? String(n).length : 4;
  let digits = n < 0 ? 2 : 1;
  for (let rest = Math.abs(n); rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
  return digits;
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
    /** When true, the next message may be noted without a time (`t` -1): see report.cjs foldsWithoutClock. */
    foldsWithoutClock() {
      return foldsWithoutClock(key);
    },
    /**
     * @param {unknown} message
     * @param {number} bytes its measureThreadMessage
     * @param {string | null} text its JSON text, null when not JSON
     * @param {number} t when it was sent / delivered; -1 when not read (foldsWithoutClock() said
     *   so): the message is folded into its run, or, if that run was written meanwhile, stamped now
     */
    note(message, bytes, text, t) {
      t = timeUnlessFolded(key, t, bytes, seq + 1);
      seq += 1;
      if (t < 0) return;
      const verdict = admitFrequent(key, t, bytes, seq);
      if (verdict !== ALONE && verdict !== START_RUN) return;
      const pid = process.pid;
      /** @type {import('../../shared/events').IpcMessageEvent} */
      const record = { type: 'message', t, pid, dir, from: pid, to: pid, fromThread, toThread, seq, bytes, preview: previewText(text ?? messagePreviews().messageHead(message).text) };
      if (verdict === ALONE) reportAlone(record);
      else startRun(key, record);
    },
  };
}

/**
 * A delivered message: measured and counted (never throws).
 * @param {ReturnType<typeof threadMessageCounter>} received
 * @param {unknown} message
 */
function noteDelivery(received, message) {
  try {
    // Past the rate limit, a flood's message only adds to its run's count: no time needed.
    const t = received.foldsWithoutClock() ? -1 : now();
    const bytes = measureThreadMessage(message);
    received.note(message, bytes, measuredText, t);
  } catch {
    // the probe must never break the program
  }
}

/**
 * Counts what `port.postMessage` (a Worker's, or a thread's parentPort) sends: each message is
 * measured before it goes; one Node cannot clone throws and is not counted.
 * @param {{ postMessage: Function }} port
 * @param {ReturnType<typeof threadMessageCounter>} sent
 * @param {() => boolean} [ended] a message to a thread that has ended goes nowhere: not counted
 */
function countPosts(port, sent, ended) {
  const originalPost = port.postMessage;
  replaceProperty(port, 'postMessage', /** @this {unknown} */ function postMessage(/** @type {unknown} */ message) {
    if (ended !== undefined && ended()) return Reflect.apply(originalPost, this, arguments);
    let t = -1;
    let bytes = -1;
    /** @type {string | null} */
    let text = null;
    try {
      // Past the rate limit, a flood's message only adds to its run's count: no time needed.
      t = sent.foldsWithoutClock() ? -1 : now();
      bytes = measureThreadMessage(message);
      text = measuredText;
    } catch {
      // the probe must never break the program
    }
    const result = arguments.length === 1 ? originalPost.call(this, message) : Reflect.apply(originalPost, this, arguments);
    if (bytes >= 0) {
      try {
        sent.note(message, bytes, text, t);
      } catch {
        // the probe must never break the program
      }
    }
    return result;
  });
}

module.exports = { threadMessageCounter, noteDelivery, countPosts };
