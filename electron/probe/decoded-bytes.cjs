// @ts-check
'use strict';
/**
 * Exact byte counts for a stream that decodes its output into text (setEncoding: exec and
 * execFile always do). Its 'data' chunks are then strings, and a string's size is not always
 * the number of bytes that arrived: an invalid UTF-8 byte becomes U+FFFD (3 bytes), and a
 * character split between two reads is held back by the decoder.
 *
 * So we wrap the stream's decoder (once setEncoding made it) and note, for each piece of text
 * it produces, how many raw bytes it consumed. A 'data' string is then counted against those
 * notes, in order: exact per chunk in flowing mode (one read, one chunk), exact in total in
 * every mode. Text the notes do not cover is measured in its encoding.
 *
 * @typedef {import('node:stream').Readable} Readable
 */
const { replaceProperty } = require('./replace-property.cjs');
const { textEncoding } = require('./preview.cjs');

/** @param {Readable} stream */
function decodedByteCounter(stream) {
  /** chars, raw bytes, chars, raw bytes… from `head` on */
  let notes = /** @type {number[]} */ ([]);
  let head = 0;

  /** @param {unknown} text @param {unknown} raw */
  function note(text, raw) {
    notes.push(typeof text === 'string' ? text.length : 0, raw instanceof Uint8Array ? raw.byteLength : 0);
  }

  /** @param {any} decoder a StringDecoder */
  function watchDecoder(decoder) {
    if (!decoder || typeof decoder.write !== 'function' || typeof decoder.end !== 'function') return;
    for (const method of ['write', 'end']) {
      const original = decoder[method];
      replaceProperty(decoder, method, /** @this {unknown} */ function (/** @type {unknown} */ raw) {
        const text = Reflect.apply(original, this, arguments);
        try {
          note(text, raw);
        } catch {
          // never break the program
        }
        return text;
      });
    }
  }

  const originalSetEncoding = stream.setEncoding;
  replaceProperty(stream, 'setEncoding', /** @this {Readable} */ function setEncoding() {
    const bufferedBytes = stream.readableEncoding ? null : stream.readableLength;
    const result = Reflect.apply(originalSetEncoding, this, arguments);
    try {
      // setEncoding decoded what was already buffered, before we could watch the decoder.
      if (bufferedBytes) notes.push(stream.readableLength, bufferedBytes);
      watchDecoder(/** @type {any} */ (stream)._readableState?.decoder);
    } catch {
      // never break the program
    }
    return result;
  });

  return {
    /**
     * The raw bytes behind a 'data' string.
     * @param {string} text
     */
    bytesOf(text) {
      let chars = text.length;
      let bytes = 0;
      while (head < notes.length && (chars > 0 || notes[head] === 0)) {
        const noteChars = notes[head];
        const noteBytes = notes[head + 1];
        if (noteChars <= chars) {
          chars -= noteChars;
          bytes += noteBytes;
          head += 2;
        } else {
          // Part of a piece of text (read(n) in paused mode): its share now, the rest later.
          const share = Math.floor((noteBytes * chars) / noteChars);
          notes[head] = noteChars - chars;
          notes[head + 1] = noteBytes - share;
          bytes += share;
          chars = 0;
        }
      }
      if (head > 1024) {
        notes = notes.slice(head);
        head = 0;
      }
      if (chars > 0) bytes += Buffer.byteLength(text.slice(text.length - chars), textEncoding(stream.readableEncoding));
      return bytes;
    },
  };
}

module.exports = { decodedByteCounter };
