// @ts-check
'use strict';
/**
 * What a child_process call asked for, read from its arguments without changing them:
 * command, args, and a summary of the options (never the env's contents).
 *
 * @typedef {import('../../shared/events').ChildApi} ChildApi
 * @typedef {import('../../shared/events').CallOptions} CallOptions
 */

/** APIs whose second argument is options, not an args array. */
const NO_ARGS = new Set(['exec', 'execSync']);

/**
 * @param {ChildApi} api
 * @param {ArrayLike<unknown>} argv the call's arguments
 * @returns {{ command: string, args: string[], options: CallOptions, rawOptions: Record<string, unknown> | null }}
 */
function summariseCall(api, argv) {
  const command = text(argv[0]);
  let args = /** @type {string[]} */ ([]);
  let optionsAt = 1;
  if (!NO_ARGS.has(api) && Array.isArray(argv[1])) {
    args = argv[1].map(text);
    optionsAt = 2;
  }
  const candidate = argv[optionsAt];
  const rawOptions =
    candidate && typeof candidate === 'object' ? /** @type {Record<string, unknown>} */ (candidate) : null;
  return { command, args, options: rawOptions ? summariseOptions(rawOptions) : {}, rawOptions };
}

/**
 * @param {Record<string, unknown>} o
 * @returns {CallOptions}
 */
function summariseOptions(o) {
  /** @type {CallOptions} */
  const s = {};
  try {
    if (typeof o.shell === 'string' || typeof o.shell === 'boolean') s.shell = o.shell;
    if (o.cwd != null) s.cwd = text(o.cwd);
    if (typeof o.timeout === 'number') s.timeout = o.timeout;
    if (typeof o.maxBuffer === 'number') s.maxBuffer = o.maxBuffer;
    if (typeof o.detached === 'boolean') s.detached = o.detached;
    if (typeof o.stdio === 'string') s.stdio = o.stdio;
    else if (Array.isArray(o.stdio)) s.stdio = o.stdio.map(stdioEntry);
    if (o.signal != null) s.signal = true;
    if (typeof o.killSignal === 'string' || typeof o.killSignal === 'number') s.killSignal = o.killSignal;
    if (o.env != null && typeof o.env === 'object') s.env = true;
    if (Array.isArray(o.execArgv)) s.execArgv = o.execArgv.map(text);
    if (typeof o.encoding === 'string') s.encoding = o.encoding;
  } catch {
    // a getter threw: keep what was read
  }
  return s;
}

/**
 * @param {unknown} entry
 * @returns {string | number | null}
 */
function stdioEntry(entry) {
  if (typeof entry === 'string' || typeof entry === 'number') return entry;
  if (entry == null) return null;
  return 'stream';
}

/** @param {unknown} value */
function text(value) {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return '';
  }
}

module.exports = { summariseCall };
