// @ts-check
'use strict';
/**
 * One record, one line of JSON, at most 4,096 bytes with its newline (the channel's atomic
 * write size). The rare record that is longer (a huge command line, a long error message)
 * is shortened: long strings are cut and long arrays keep their head, both marked with '…'.
 */

const MAX_RECORD_BYTES = 4096;
/** Records written from a Worker thread say which (shared/events.ts: `threadId` ≥ 1, none on the main thread). */
const { THREAD_ID } = require('./thread-identity.cjs');

/**
 * @param {object} record
 * @returns {{ line: string, bytes: number }}
 */
function recordLine(record) {
  if (THREAD_ID !== 0) /** @type {{ threadId?: number }} */ (record).threadId = THREAD_ID;
  let line = JSON.stringify(record) + '\n';
  // A UTF-16 unit is at most 3 UTF-8 bytes: short lines need no measuring.
  if (line.length * 3 <= MAX_RECORD_BYTES) return { line, bytes: Buffer.byteLength(line) };
  let bytes = Buffer.byteLength(line);
  for (let limit = 1024; bytes > MAX_RECORD_BYTES && limit >= 4; limit >>= 1) {
    line = JSON.stringify(shorten(record, limit)) + '\n';
    bytes = Buffer.byteLength(line);
  }
  if (bytes > MAX_RECORD_BYTES) {
    const { type, t, pid } = /** @type {{type: string, t: number, pid: number | null}} */ (record);
    line = JSON.stringify({ type, t, pid, truncated: true }) + '\n';
    bytes = Buffer.byteLength(line);
  }
  return { line, bytes };
}

/**
 * @param {unknown} value
 * @param {number} limit longest string kept (UTF-16 units)
 * @returns {unknown}
 */
function shorten(value, limit) {
  if (typeof value === 'string') return value.length > limit ? value.slice(0, limit) + '…' : value;
  if (Array.isArray(value)) {
    const keep = Math.max(4, limit >> 4);
    const head = value.slice(0, keep).map((v) => shorten(v, limit));
    if (value.length > keep) head.push(`… ${value.length - keep} more`);
    return head;
  }
  if (value && typeof value === 'object') {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = shorten(v, limit);
    return out;
  }
  return value;
}

module.exports = { recordLine, MAX_RECORD_BYTES };
