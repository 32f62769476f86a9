// @ts-check
'use strict';
/**
 * IPC messages, seen from both ends. An id cannot be added to a message without the program
 * seeing it, so messages are numbered per channel and direction instead: the channel keeps
 * order, so send #n (reported by the sender) joins recv #n (reported by the receiver).
 * A send counts only while connected and only if `send()` accepted it; a recv counts when
 * Node delivers it to the program ('message'), never Node's own 'internalMessage'.
 */
const { reportFrequent } = require('./report.cjs');
const { measureMessage, previewText } = require('./preview.cjs');

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
 * @param {'send' | 'recv'} dir
 * @param {number} from
 * @param {number} to
 * @param {number} seq
 * @param {unknown} message
 * @param {number} t
 */
function noteMessage(dir, from, to, seq, message, t) {
  const { bytes, text } = measureMessage(message);
  reportFrequent(`${dir}:${from}>${to}`, t, bytes, seq, () => ({
    type: 'message',
    t,
    pid: process.pid,
    dir,
    from,
    to,
    seq,
    bytes,
    preview: previewText(text),
  }));
}

module.exports = { isInternalMessage, noteMessage };
