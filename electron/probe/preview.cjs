// @ts-check
'use strict';
/**
 * What a record says about a payload: its exact size in bytes, and a short, safe preview
 * (control characters escaped, at most PREVIEW_CHARS characters, '…' when cut).
 */

const PREVIEW_CHARS = 120;
/** Bytes of a chunk decoded for its preview: enough for PREVIEW_CHARS of any text. */
const PREVIEW_SOURCE_BYTES = PREVIEW_CHARS * 4;

/** @type {Record<string, string>} */
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0' };
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** @param {string} c */
function escapeControl(c) {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16);
}

/**
 * @param {string} text
 * @param {boolean} [cutBefore] the text is already the head of something longer
 */
function previewText(text, cutBefore = false) {
  const head = text.length > PREVIEW_CHARS * 2 ? text.slice(0, PREVIEW_CHARS * 2) : text;
  let out = head.replace(CONTROL, escapeControl);
  let cut = cutBefore || head.length < text.length;
  if (out.length > PREVIEW_CHARS) {
    out = out.slice(0, PREVIEW_CHARS);
    cut = true;
  }
  // Never leave half a surrogate pair at the cut.
  const last = out.charCodeAt(out.length - 1);
  if (cut && last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return cut ? out + '…' : out;
}

/**
 * @param {string | undefined | null} encoding
 * @returns {BufferEncoding}
 */
function textEncoding(encoding) {
  return encoding && Buffer.isEncoding(encoding) ? /** @type {BufferEncoding} */ (encoding) : 'utf8';
}

/**
 * Exact size of a chunk as received: a Buffer's length, or a decoded string's size in the
 * encoding it was decoded with.
 * @param {unknown} chunk
 * @param {string | null | undefined} encoding
 */
function chunkBytes(chunk, encoding) {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, textEncoding(encoding));
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/** @param {unknown} chunk */
function chunkPreview(chunk) {
  if (typeof chunk === 'string') return previewText(chunk);
  if (chunk instanceof Uint8Array) {
    const cut = chunk.byteLength > PREVIEW_SOURCE_BYTES;
    const head = Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, PREVIEW_SOURCE_BYTES));
    let text = head.toString('utf8');
    if (cut) text = text.replace(/\uFFFD+$/, ''); // a character split by the cut, not bad data
    return previewText(text, cut);
  }
  return '';
}

/**
 * An IPC message measured by serialising it as its channel would: the JSON text and its
 * newline ('json'), or a 4-byte length and V8's serialization ('advanced'). Only for what the
 * channel's own writes and reads did not show (ipc-wire.cjs): it costs a second serialisation.
 * @param {unknown} message
 * @param {'json' | 'advanced' | null} mode null: unknown, JSON when the message is JSON
 * @returns {{ bytes: number, text: string | null }} text: the JSON, when measured as JSON
 */
function measureMessage(message, mode) {
  if (mode !== 'advanced') {
    try {
      const text = JSON.stringify(message);
      if (typeof text === 'string') return { bytes: Buffer.byteLength(text) + 1, text };
    } catch {
      // BigInt, a cycle…: not JSON
    }
  }
  try {
    return { bytes: 4 + require('node:v8').serialize(message).byteLength, text: null };
  } catch {
    return { bytes: 0, text: null };
  }
}

module.exports = { previewText, chunkBytes, chunkPreview, measureMessage, textEncoding };
