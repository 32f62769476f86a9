// @ts-check
'use strict';
/**
 * Errors as Node made them: its `code`, `errno`, `syscall`, `path` and `message`, verbatim.
 *
 * @typedef {import('../../shared/events').FailureEvent} FailureEvent
 * @typedef {import('../../shared/events').CallbackError} CallbackError
 * @typedef {import('../../shared/events').SourceLocation} SourceLocation
 */
const { now } = require('./clock.cjs');

/**
 * @param {FailureEvent['where']} where
 * @param {unknown} error
 * @param {{ pid: number | null, childId?: string, source?: SourceLocation | null }} about
 * @returns {FailureEvent}
 */
function errorRecord(where, error, about) {
  const e = asRecord(error);
  /** @type {FailureEvent} */
  const record = { type: 'error', t: now(), pid: about.pid, where, name: errorName(error), code: null, message: '' };
  if (about.childId !== undefined) record.childId = about.childId;
  record.code = e.code == null ? null : String(e.code);
  if (typeof e.errno === 'number') record.errno = e.errno;
  if (typeof e.syscall === 'string') record.syscall = e.syscall;
  if (typeof e.path === 'string') record.path = e.path;
  record.message = error !== null && typeof error === 'object' ? text(e.message) : text(error);
  if (about.source !== undefined) record.source = about.source;
  return record;
}

/**
 * The error an exec/execFile callback received, as the program sees it.
 * @param {unknown} error
 * @returns {CallbackError}
 */
function callbackError(error) {
  const e = asRecord(error);
  const code = typeof e.code === 'number' || typeof e.code === 'string' ? e.code : null;
  return {
    code,
    signal: typeof e.signal === 'string' ? e.signal : null,
    killed: typeof e.killed === 'boolean' ? e.killed : null,
    message: text(e.message),
  };
}

/**
 * @param {unknown} value
 * @returns {Record<string, unknown>}
 */
function asRecord(value) {
  return value && typeof value === 'object' ? /** @type {Record<string, unknown>} */ (value) : {};
}

/** @param {unknown} error */
function errorName(error) {
  try {
    if (error instanceof Error) return String(error.name);
    if (error && typeof error === 'object' && typeof (/** @type {{name?: unknown}} */ (error).name) === 'string') {
      return /** @type {{name: string}} */ (error).name;
    }
  } catch {
    // a throwing getter
  }
  return typeof error;
}

/** @param {unknown} value */
function text(value) {
  try {
    return typeof value === 'string' ? value : value === undefined ? '' : String(value);
  } catch {
    return '';
  }
}

module.exports = { errorRecord, callbackError };
