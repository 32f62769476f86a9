// @ts-check
'use strict';
/**
 * A child_process call made by the program: numbered, reported with its call site, and
 * marked "in progress" while Node works inside it, so that the calls Node makes on its own
 * (exec → execFile → spawn, fork → spawn, execSync → spawnSync) are not reported twice.
 *
 * @typedef {import('../../shared/events').ChildApi} ChildApi
 */
const { now } = require('./clock.cjs');
const { report } = require('./report.cjs');
const { lazy } = require('./lazy.cjs');

const summaries = lazy(() => require('./call-summary.cjs'));
const callSites = lazy(() => require('./call-site.cjs'));

let callCount = 0;
/** Worker threads share the process's pid: their calls are numbered apart. */
const { isMainThread, threadId } = require('node:worker_threads');
const idPrefix = isMainThread ? `${process.pid}:` : `${process.pid}:t${threadId}.`;
let depth = 0;
/** @type {string | null} the call whose ChildProcess Node is about to spawn */
let pendingChildId = null;

/**
 * Reports the call and returns its id (`${pid}:${n}`, or `${pid}:t${threadId}.${n}` in a worker
 * thread: unique in the run).
 * @param {ChildApi} api
 * @param {ArrayLike<unknown>} argv
 */
function beginCall(api, argv) {
  const t = now();
  callCount += 1;
  const childId = `${idPrefix}${callCount}`;
  /** @type {Record<string, unknown> | null} */
  let rawOptions = null;
  try {
    const summary = summaries().summariseCall(api, argv);
    rawOptions = summary.rawOptions;
    const { command, args, options } = summary;
    report({ type: 'call', t, pid: process.pid, api, childId, command, args, options, source: callSites().callSite() });
  } catch {
    // the probe must never break the program
  }
  return { childId, rawOptions };
}

/**
 * Runs Node's implementation of a call, marked as in progress.
 * @template T
 * @param {string} childId
 * @param {() => T} run
 * @returns {T}
 */
function insideCall(childId, run) {
  depth += 1;
  pendingChildId = childId;
  try {
    return run();
  } finally {
    depth -= 1;
    pendingChildId = null;
  }
}

/** True while Node is working inside one of the program's calls. */
function isInsideCall() {
  return depth > 0;
}

/** The id of the call a ChildProcess being spawned belongs to (once), or null. */
function takePendingChildId() {
  const id = pendingChildId;
  pendingChildId = null;
  return id;
}

module.exports = { beginCall, insideCall, isInsideCall, takePendingChildId };
