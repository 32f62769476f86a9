// @ts-check
'use strict';
/**
 * IPC messages, seen from both ends. An id cannot be added to a message without the program
 * seeing it, so messages are numbered per channel and direction instead: the channel keeps
 * order, so send #n (reported by the sender) joins recv #n (reported by the receiver).
 * A send counts only while connected and only if `send()` accepted it; a recv counts when
 * Node delivers it to the program ('message'), never Node's own 'internalMessage'.
 */
const { admitFrequent, foldsWithoutClock, timeUnlessFolded, reportAlone, startRun, ALONE, START_RUN } = require('./report.cjs');
const { now } = require('./clock.cjs');
const { measureMessage, previewText } = require('./preview.cjs');
const { lazy } = require('./lazy.cjs');

const messagePreviews = lazy(() => require('./message-preview.cjs'));

/**
 * Node's own test for its internal messages (cluster, handle passing): a `cmd` "NODE_…".
 * Those arrive as 'internalMessage', so they are not counted on either side.
 * @param {unknown} message
 */
function isInternalMessage(message) {
  if (message === null || typeof message !== 'object') return false;
  const cmd = /** @type {{ cmd?: unknown }} */ (message).cmd;
  return typeof cmd === 'string' && cmd.length > 5 && cmd.startsWith('NODE_');
}

/**
 * One direction of one IPC channel, as seen from this process: numbers its messages and
 * reports them.
 * @param {'send' | 'recv'} dir
 * @param {number} from
 * @param {number} to
 */
function messageCounter(dir, from, to) {
  const key = `${dir}:${from}>${to}`;
  let seq = 0;
  return {
    /** When true, the next message may be noted without a time (`t` -1): see report.cjs foldsWithoutClock. */
    foldsWithoutClock() {
      return foldsWithoutClock(key);
    },
    /**
     * Sends `message` through Node's `send` (`original`, measured by `meter`) and counts it if
     * Node accepted it (a bad message throws: not counted). Returns what Node's send returned.
     * @param {import('./ipc-wire.cjs').WireMeter} meter
     * @param {Function} original
     * @param {unknown} thisArg
     * @param {ArrayLike<unknown>} args
     * @param {unknown} message
     */
    sendThrough(meter, original, thisArg, args, message) {
      // Past the rate limit, a flood's message only adds to its run's count: no time needed
      // (on a channel whose wire is not seen, it is still stamped before it goes).
      const t = meter.mode !== null && foldsWithoutClock(key) ? -1 : now();
      const accepted = meter.send(original, thisArg, args);
      try {
        this.note(message, t, meter.sentBytes(), meter.sentText(), meter.mode);
      } catch {
        // never break the program
      }
      return accepted;
    },
    /**
     * @param {unknown} message
     * @param {number} t when it was sent / delivered; -1 when not read (foldsWithoutClock() said
     *   so): the message is folded into its run, or, if that run was written meanwhile, stamped now
     * @param {number} bytes what the channel carried for it (ipc-wire.cjs); -1: not seen there
     *   (a message queued behind a handle, a Node whose channel we cannot find), so it is
     *   measured by serialising it as the channel would
     * @param {string | null} text the JSON text the channel carried, when known
     * @param {'json' | 'advanced' | null} mode the channel's serialization, when known
     */
    note(message, t, bytes, text, mode) {
      t = timeUnlessFolded(key, t, bytes, seq + 1);
      seq += 1;
      if (t < 0) return;
      if (bytes < 0) ({ bytes, text } = measureMessage(message, mode));
      const verdict = admitFrequent(key, t, bytes, seq);
      if (verdict !== ALONE && verdict !== START_RUN) return;
      /** @type {import('../../shared/events').IpcMessageEvent} */
      const record = { type: 'message', t, pid: process.pid, dir, from, to, seq, bytes, preview: previewOf(message, text) };
      if (verdict === ALONE) reportAlone(record);
      else startRun(key, record);
    },
  };
}

/**
 * The program's message, previewed: from the JSON the channel carried when there is one
 * (unless Node wrapped the message to send a handle with it), else built from the value.
 * @param {unknown} message
 * @param {string | null} text
 */
function previewOf(message, text) {
  if (text !== null && !text.startsWith('{"cmd":"NODE_HANDLE"')) {
    const head = text.length > 300 ? text.slice(0, 300) : text.replace(/\n$/, '');
    return previewText(head, head.length < text.length - 1);
  }
  const { text: built, cut } = messagePreviews().messageHead(message);
  return previewText(built, cut);
}

module.exports = { isInternalMessage, messageCounter };
