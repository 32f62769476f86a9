// @ts-check
'use strict';
/**
 * The probe's own timers (the sampler's interval, the flush of coalesced runs). They are
 * made with Node's setTimeout/setInterval as they were before the probe wrapped them
 * (timer-schedule.cjs), and marked: the loop's task records leave them out — they are the
 * probe's work, not the program's.
 */
const originalSetTimeout = globalThis.setTimeout;
const originalSetInterval = globalThis.setInterval;

/** @type {WeakSet<object>} */
const own = new WeakSet();

/**
 * An unref()ed timeout of the probe's: it keeps no process alive.
 * @param {() => void} callback
 * @param {number} ms
 */
function ownTimeout(callback, ms) {
  const timer = originalSetTimeout(callback, ms);
  timer.unref();
  own.add(timer);
  return timer;
}

/**
 * An unref()ed interval of the probe's.
 * @param {() => void} callback
 * @param {number} ms
 */
function ownInterval(callback, ms) {
  const timer = originalSetInterval(callback, ms);
  timer.unref();
  own.add(timer);
  return timer;
}

/** @param {unknown} resource */
function isOwnTimer(resource) {
  return typeof resource === 'object' && resource !== null && own.has(resource);
}

module.exports = { ownTimeout, ownInterval, isOwnTimer };
