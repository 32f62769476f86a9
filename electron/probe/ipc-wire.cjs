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

/** @typedef {{ bytes: number, text: string | null }} Wire  the bytes on the wire; the JSON text when it is JSON */
/**
 * @typedef {{
 *   mode: 'json' | 'advanced' | null,
 *   send(original: Function, thisArg: unknown, args: ArrayLike<unknown>): unknown,
 *   sentWire(): Wire | null,
 *   received(message: unknown): Wire | null,
 * }} WireMeter  `send` calls Node's send (`original`) and returns what it returned; `sentWire`
 *   then tells what that call wrote on the channel. No closure and no object per send: a
 *   flood sends 100k messages.
 */

/** Open `send()` calls, innermost last: the write made inside one is that call's message. */
/** @type {(Wire | null)[]} */
const sending = [];
/** What the last `send()` that returned wrote (read at once by the caller). */
/** @type {Wire | null} */
let lastSent = null;
/** @type {WeakMap<object, WireMeter>} */
const meters = new WeakMap();

/** A channel whose writes and reads cannot be seen: every send is Node's alone, no wire is known. */
/** @type {WireMeter} */
const UNMEASURED = { mode: null, send: (original, thisArg, args) => Reflect.apply(original, thisArg, args), sentWire: () => null, received: () => null };

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
  handle.writeUtf8String = /** @this {unknown} */ function (/** @type {unknown} */ _req, /** @type {string} */ text) {
    const result = Reflect.apply(writeUtf8String, this, arguments);
    const at = sending.length - 1;
    if (at >= 0 && sending[at] === null) sending[at] = { bytes: Buffer.byteLength(text), text };
    return result;
  };
  handle.writeBuffer = /** @this {unknown} */ function (/** @type {unknown} */ _req, /** @type {Uint8Array} */ buffer) {
    const result = Reflect.apply(writeBuffer, this, arguments);
    const at = sending.length - 1;
    if (at >= 0 && sending[at] === null) sending[at] = { bytes: buffer.byteLength, text: null };
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
    process.nextTick = /** @this {unknown} */ function (/** @type {unknown} */ _fn, /** @type {unknown} */ event, /** @type {any} */ message) {
      if (seen < sizes.length && (event === 'message' || event === 'internalMessage')) {
        const bytes = sizes[seen++];
        if (event === 'message') undelivered.push({ message, bytes });
        else if (message && message.cmd === 'NODE_HANDLE') undelivered.push({ message: message.msg, bytes });
      }
      return Reflect.apply(nextTick, this, arguments);
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
      sending.push(null);
      try {
        return Reflect.apply(original, thisArg, args);
      } finally {
        lastSent = sending.pop() ?? null;
      }
    },
    sentWire: () => lastSent,
    received(message) {
      const bytes = inStep ? undelivered.take(message) : null;
      return bytes === null ? null : { bytes, text: null };
    },
  };
}

/**
 * Messages parsed and not yet delivered, oldest first, each with its size. A delivered one is
 * let go at once (an 8 MiB message must not be kept alive by its measurement); past
 * MAX_UNDELIVERED the oldest are let go too (Node may hold a message for a listener that never
 * comes).
 */
function undeliveredQueue() {
  /** @type {({ message: unknown, bytes: number } | undefined)[]} */
  let items = [];
  let head = 0;
  const compact = () => {
    while (head < items.length && items[head] === undefined) head++;
    if (head === items.length) {
      items = [];
      head = 0;
    } else if (head > 1024 && head * 2 > items.length) {
      items = items.slice(head);
      head = 0;
    }
  };
  return {
    /** @param {{ message: unknown, bytes: number }} entry */
    push(entry) {
      items.push(entry);
      if (items.length - head > MAX_UNDELIVERED) {
        items[head] = undefined;
        compact();
      }
    },
    /**
     * The size of `message`, if it is one of the first undelivered ones (by identity).
     * @param {unknown} message
     * @returns {number | null}
     */
    take(message) {
      const end = Math.min(items.length, head + MATCH_WINDOW);
      for (let i = head; i < end; i++) {
        const entry = items[i];
        if (!entry || !Object.is(entry.message, message)) continue;
        items[i] = undefined;
        compact();
        return entry.bytes;
      }
      return null;
    },
  };
}

/**
 * Newline-delimited JSON: the size of each whole line (with its newline) a chunk completes.
 * @returns {(chunk: Uint8Array) => number[]}
 */
function jsonFramer() {
  let partial = 0;
  return (chunk) => {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    /** @type {number[]} */
    const sizes = [];
    let from = 0;
    for (let nl = bytes.indexOf(10, from); nl !== -1; nl = bytes.indexOf(10, from)) {
      sizes.push(partial + nl - from + 1);
      partial = 0;
      from = nl + 1;
    }
    partial += bytes.length - from;
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
