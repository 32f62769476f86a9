// @ts-check
'use strict';
/**
 * `process.kill(target, signal)`: the signals a program sends by pid (an orphan, a process
 * group), which no child's `emit` shows. Wrapped like the child_process functions: the same
 * function to the program (name, length, not enumerable), Node's own implementation called
 * with the program's arguments, its value returned and its error thrown unchanged (its stack
 * without the probe's frame: stack-frames.cjs). Arguments
 * that are not primitives are never read (a getter of the program's runs as often as without
 * the probe): such a call is not reported.
 *
 * A signal that may end this very process (itself, its group, every process) would end it
 * inside the call, before the record's turn to be written: that record is written first,
 * synchronously — such a call cannot fail once its signal is a known one, so it says so.
 *
 * @typedef {import('../../shared/events').KillEvent} KillEvent
 */
const fs = require('node:fs');
const { now } = require('./clock.cjs');
const { report, flushNow } = require('./report.cjs');
const { lazy } = require('./lazy.cjs');
const callSites = lazy(() => require('./call-site.cjs'));
const { replaceProperty, dressAs } = require('./replace-property.cjs');
const { withoutProbeFrames } = require('./stack-frames.cjs');

// Read at the first kill: node:os is not loaded otherwise (every process loads this file at its start).
const signals = lazy(() => /** @type {Record<string, number>} */ (require('node:os').constants.signals));
const signalNames = lazy(() => new Map(Object.entries(signals()).map(([name, n]) => [n, name])));

function hookProcessKill() {
  const originalKill = process.kill;
  const kill = dressAs(/** @this {unknown} */ function kill(/** @type {unknown} */ pid, /** @type {unknown} */ sig) {
    /** @type {KillEvent | null} */
    let record = null;
    try {
      record = killRecord(pid, sig);
      if (record && mayReachItself(record)) {
        report(record);
        flushNow();
        record = null;
      }
    } catch {
      record = null; // the probe must never break the program
    }
    // What Node throws (ESRCH, EPERM, an unknown signal) comes out with the frames it has without Obra.
    const args = arguments;
    const callNode = () => Reflect.apply(originalKill, this, args);
    if (!record) return withoutProbeFrames(callNode);
    let result;
    try {
      result = withoutProbeFrames(callNode);
    } catch (error) {
      record.code = errorCode(error);
      reportSafely(record);
      throw error;
    }
    reportSafely(record);
    return result;
  }, originalKill);
  replaceProperty(process, 'kill', kill);
}

/**
 * The record of a call with primitive arguments, as Node reads them (lib/internal/process/
 * per_thread.js: an integer signal as it is, anything else falsy as SIGTERM), or null.
 * @param {unknown} pid
 * @param {unknown} sig
 * @returns {KillEvent | null}
 */
function killRecord(pid, sig) {
  const target = typeof pid === 'number' || typeof pid === 'string' ? Number(pid) : NaN;
  if (!Number.isInteger(target)) return null;
  if (!(sig === undefined || sig === null || typeof sig === 'string' || typeof sig === 'number' || typeof sig === 'boolean')) return null;
  let signal;
  if (typeof sig === 'number' && sig === (sig | 0)) signal = sig === 0 ? '0' : (signalNames().get(sig) ?? String(sig));
  else if (!sig) signal = 'SIGTERM';
  else signal = String(sig).slice(0, 40);
  return { type: 'kill', t: now(), pid: process.pid, target, signal, code: null, source: callSites().callSite() };
}

/** A known signal to this process, its group or every process: the call returns true or never. */
function mayReachItself(/** @type {KillEvent} */ record) {
  if (record.signal !== '0' && !Object.prototype.hasOwnProperty.call(signals(), record.signal)) return false;
  const t = record.target;
  return t === process.pid || t === 0 || t === -1 || (t < -1 && -t === ownGroup());
}

/** This process's group (Linux: /proc/self/stat), or null where it cannot be read. */
function ownGroup() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'latin1');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return null;
  }
}

/** @param {unknown} error */
function errorCode(error) {
  const code = error !== null && typeof error === 'object' ? /** @type {{ code?: unknown }} */ (error).code : undefined;
  return typeof code === 'string' ? code : 'Error';
}

/** @param {KillEvent} record */
function reportSafely(record) {
  try {
    report(record);
  } catch {
    // never break the program
  }
}

module.exports = { hookProcessKill };
