// @ts-check
'use strict';
/**
 * What an IPC channel really carries, measured where Node writes and reads it: a message is
 * never serialised a second time to be measured (an 8 MiB Uint8Array is 8 MiB on the wire
 * with serialization 'advanced', but 99 MB of JSON).
 *
 * Node's setupChannel (lib/internal/child_process.js) keeps the channel's pipe handle under
 * the symbol kChannelHandle of the ChildProcess (or of `process` in a forked child) and
 * marks it with the state of its serialization (kJSONBuffer for 'json', kMessageBuffer for
 * 'advanced', from lib/internal/child_process/serialization.js).
 * - Sending: writeChannelMessage hands the whole message to the handle's writeUtf8String
 *   (json: the JSON text and its newline) or writeBuffer ('advanced': a 4-byte length and
 *   V8's serialization), synchronously inside `send()`. We wrap those two on the handle and
 *   note what the write inside the current `send()` carried.
 * - Receiving: the handle's `onread` gets each chunk read from the pipe; Node parses it into
 *   whole messages and schedules the delivery of each with process.nextTick. We frame the
 *   same bytes (newlines; or 4-byte big-endian lengths) to know each whole message's size,
 *   and, during that one call, see which message each delivery is, in the same order. At
 *   'message' the program's message is matched to its size by identity.
 * Where none of this can be found (another Node), the meter is UNMEASURED: it sees no wire,
 * and the caller measures the message by serialising it.
 */

const CHANNEL_HANDLE = 'kChannelHandle';
/** Sizes of messages parsed but not yet delivered ('message' waits for a listener): at most this many kept. */
const MAX_UNDELIVERED = 4096;
/** How far into the undelivered ones a delivery is looked for (it is nearly always the first). */
const MATCH_WINDOW = 64;

/**
 * @typedef {{
 *   mode: 'json' | 'advanced' | null,
 *   send(original: Function, thisArg: unknown, args: ArrayLike<unknown>): unknown,
 *   sentBytes(): number,
 *   sentText(): string | null,
 *   received(message: unknown): number,
 * }} WireMeter  `send` calls Node's send (`original`) and returns what it returned; `sentBytes`
 *   then tells the bytes that call wrote on the channel (-1: none seen) and `sentText` the JSON
 *   text written (null for 'advanced'). `received` is a delivered message's bytes (-1: not
 *   seen). No closure and no object per message: a flood sends and receives 100k.
 */

/** Open `send()` calls, innermost last: the write made inside one is that call's message (-1: none yet). */
/** @type {number[]} */
const sendingBytes = [];
/** @type {(string | null)[]} */
const sendingTexts = [];
/** What the last `send()` that returned wrote (read at once by the caller). */
let lastSentBytes = -1;
/** @type {string | null} */
let lastSentText = null;
/** @type {WeakMap<object, WireMeter>} */
const meters = new WeakMap();

/** A channel whose writes and reads cannot be seen: every send is Node's alone, no wire is known. */
/** @type {WireMeter} */
const UNMEASURED = { mode: null, send: (original, thisArg, args) => Reflect.apply(original, thisArg, args), sentBytes: () => -1, sentText: () => null, received: () => -1 };

/**
 * The meter of `target`'s IPC channel (a ChildProcess, or `process`), or UNMEASURED.
 * @param {object} target
 * @returns {WireMeter}
 */
function wireMeter(target) {
  const known = meters.get(target);
  if (known) return known;
  let meter = UNMEASURED;
  try {
    const handle = channelHandle(target);
    const mode = handle ? serializationOf(handle) : null;
    if (handle && mode) meter = attach(handle, mode);
  } catch {
    meter = UNMEASURED;
  }
  meters.set(target, meter);
  return meter;
}

/** @param {object} target */
function channelHandle(target) {
  const key = Object.getOwnPropertySymbols(target).find((s) => s.description === CHANNEL_HANDLE);
  const handle = key ? /** @type {any} */ (target)[key] : null;
  return handle && typeof handle === 'object' && typeof handle.writeBuffer === 'function' && typeof handle.writeUtf8String === 'function' ? handle : null;
}

/**
 * @param {object} handle
 * @returns {'json' | 'advanced' | null}
 */
function serializationOf(handle) {
  const marks = Object.getOwnPropertySymbols(handle).map((s) => s.description);
  if (marks.includes('kJSONBuffer')) return 'json';
  if (marks.includes('kMessageBuffer')) return 'advanced';
  return null;
}

/**
 * @param {any} handle
 * @param {'json' | 'advanced'} mode
 * @returns {WireMeter}
 */
function attach(handle, mode) {
  const writeUtf8String = handle.writeUtf8String;
  const writeBuffer = handle.writeBuffer;
  // Node writes a message as (req, data, handle): passed on as such, without an arguments list.
  handle.writeUtf8String = /** @this {unknown} */ function (/** @type {unknown} */ req, /** @type {string} */ text, /** @type {unknown} */ sent) {
    const result = arguments.length === 3 ? writeUtf8String.call(this, req, text, sent) : Reflect.apply(writeUtf8String, this, arguments);
    const at = sendingBytes.length - 1;
    if (at >= 0 && sendingBytes[at] < 0) {
      sendingBytes[at] = utf8Bytes(text);
      sendingTexts[at] = text;
    }
    return result;
  };
  handle.writeBuffer = /** @this {unknown} */ function (/** @type {unknown} */ req, /** @type {Uint8Array} */ buffer, /** @type {unknown} */ sent) {
    const result = arguments.length === 3 ? writeBuffer.call(this, req, buffer, sent) : Reflect.apply(writeBuffer, this, arguments);
    const at = sendingBytes.length - 1;
    if (at >= 0 && sendingBytes[at] < 0) sendingBytes[at] = buffer.byteLength;
    return result;
  };

  const frames = mode === 'json' ? jsonFramer() : lengthFramer();
  const undelivered = undeliveredQueue();
  let inStep = true;
  const onread = handle.onread;
  handle.onread = /** @this {unknown} */ function (/** @type {ArrayBuffer | undefined} */ arrayBuffer) {
    if (!arrayBuffer || !inStep) return Reflect.apply(onread, this, arguments);
    const sizes = frames(new Uint8Array(arrayBuffer));
    if (!sizes.length) return Reflect.apply(onread, this, arguments);
    const nextTick = process.nextTick;
    let seen = 0;
    process.nextTick = /** @this {unknown} */ function (/** @type {Function} */ fn, /** @type {unknown} */ event, /** @type {any} */ message) {
      if (seen < sizes.length && (event === 'message' || event === 'internalMessage')) {
        const bytes = sizes[seen++];
        if (event === 'message') undelivered.push(message, bytes);
        else if (message && message.cmd === 'NODE_HANDLE') undelivered.push(message.msg, bytes);
      }
      // Node schedules each delivery as (emit, event, message): passed on without an arguments list.
      return arguments.length === 3 ? nextTick.call(this, fn, event, message) : Reflect.apply(nextTick, this, arguments);
    };
    try {
      return Reflect.apply(onread, this, arguments);
    } finally {
      process.nextTick = nextTick;
      // Every whole message framed here must have been one delivery: if not, our framing and
      // Node's parted ways, and nothing more is measured on this channel (callers measure).
      if (seen !== sizes.length) inStep = false;
    }
  };

  return {
    mode,
    send(original, thisArg, args) {
      sendingBytes.push(-1);
      sendingTexts.push(null);
      try {
        return Reflect.apply(original, thisArg, args);
      } finally {
        lastSentBytes = sendingBytes.pop() ?? -1;
        lastSentText = sendingTexts.pop() ?? null;
      }
    },
    sentBytes: () => lastSentBytes,
    sentText: () => lastSentText,
    received: (message) => (inStep ? undelivered.take(message) : -1),
  };
}

/**
 * Messages parsed and not yet delivered, oldest first, each with its size (two arrays side by
 * side: no object per message). A delivered one is let go at once (an 8 MiB message must not
 * be kept alive by its measurement); past MAX_UNDELIVERED the oldest are let go too (Node may
 * hold a message for a listener that never comes).
 */
function undeliveredQueue() {
  /** @type {unknown[]} */
  let messages = [];
  /** @type {number[]} sizes; -1 once delivered or let go */
  let sizes = [];
  let head = 0;
  const compact = () => {
    while (head < sizes.length && sizes[head] < 0) head++;
    if (head === sizes.length) {
      messages = [];
      sizes = [];
      head = 0;
    } else if (head > 1024 && head * 2 > sizes.length) {
      messages = messages.slice(head);
      sizes = sizes.slice(head);
      head = 0;
    }
  };
  /** @param {number} i */
  const letGo = (i) => {
    messages[i] = undefined;
    sizes[i] = -1;
  };
  return {
    /**
     * @param {unknown} message
     * @param {number} bytes
     */
    push(message, bytes) {
      messages.push(message);
      sizes.push(bytes);
      if (sizes.length - head > MAX_UNDELIVERED) {
        letGo(head);
        compact();
      }
    },
    /**
     * The size of `message`, if it is one of the first undelivered ones (by identity).
     * @param {unknown} message
     * @returns {number} -1: not one of them
     */
    take(message) {
      const end = Math.min(sizes.length, head + MATCH_WINDOW);
      for (let i = head; i < end; i++) {
        if (sizes[i] < 0 || !Object.is(messages[i], message)) continue;
        const bytes = sizes[i];
        letGo(i);
        if (i === head) compact();
        return bytes;
      }
      return -1;
    },
  };
}

/**
 * A string's size in UTF-8. A flood's messages are short ASCII lines: counted here, without a
 * call into Buffer's native code for each.
 * @param {string} text
 */
function utf8Bytes(text) {
  if (typeof text !== 'string' || text.length > SHORT_LINE) return Buffer.byteLength(text);
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text);
  return text.length;
}

/** A line is looked for byte by byte this far, then by Buffer's native search (a flood's lines are a few bytes; one message can be megabytes). */
const SHORT_LINE = 32;

/**
 * Newline-delimited JSON: the size of each whole line (with its newline) a chunk completes.
 * @returns {(chunk: Uint8Array) => number[]}
 */
function jsonFramer() {
  let partial = 0;
  return (chunk) => {
    /** @type {Buffer | null} */
    let bytes = null;
    /** @type {number[]} */
    const sizes = [];
    const length = chunk.length;
    let from = 0;
    while (from < length) {
      let nl = -1;
      const near = Math.min(length, from + SHORT_LINE);
      for (let i = from; i < near; i++) {
        if (chunk[i] === 10) {
          nl = i;
          break;
        }
      }
      if (nl === -1 && near < length) nl = (bytes ??= Buffer.from(chunk.buffer, chunk.byteOffset, length)).indexOf(10, near);
      if (nl === -1) break;
      sizes.push(partial + nl - from + 1);
      partial = 0;
      from = nl + 1;
    }
    partial += length - from;
    return sizes;
  };
}

/**
 * 'advanced': each message is a 4-byte big-endian length and that many bytes; the size of
 * each whole message (length included) a chunk completes.
 * @returns {(chunk: Uint8Array) => number[]}
 */
function lengthFramer() {
  let headerBytes = 0;
  let length = 0;
  let left = -1; // bytes of the body still to come; -1 while reading a length
  return (chunk) => {
    /** @type {number[]} */
    const sizes = [];
    let at = 0;
    while (at < chunk.length) {
      if (left < 0) {
        length = length * 256 + chunk[at++];
        if (++headerBytes < 4) continue;
        left = length;
      }
      const take = Math.min(left, chunk.length - at);
      at += take;
      left -= take;
      if (left === 0) {
        sizes.push(4 + length);
        headerBytes = 0;
        length = 0;
        left = -1;
      }
    }
    return sizes;
  };
}

module.exports = { wireMeter, UNMEASURED };
