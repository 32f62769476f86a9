// @ts-check
'use strict';
/**
 * When a timer was due: its `setTimeout`/`setInterval` call's time plus the delay Node really
 * waits (`_idleTimeout`, after Node's own coercion). We wrap those two functions, never the
 * callback: the program's Timeout and its `_onTimeout` stay its own. The same wrapper replaces
 * the global and `node:timers`'s export, so the two stay one function.
 *
 * Timers re-armed by Node (an interval's next run, `refresh()`) or made without those two
 * functions (`timers/promises`, `util.promisify(setTimeout)`) are due at `_idleStart +
 * _idleTimeout`, in libuv's millisecond clock: mapped to the run's clock by the offset seen at
 * the wrapped calls (the smallest seen: libuv truncates to the millisecond), ±1 ms.
 *
 * The program's line that set the timer is kept for the first MAX_SOURCES timers: a stack
 * costs microseconds, and a program may set timers by the million.
 */
const timers = require('node:timers');
const { now } = require('./clock.cjs');
const { lazy } = require('./lazy.cjs');
const callSites = lazy(() => require('./call-site.cjs'));
const { replaceProperty, dressAs } = require('./replace-property.cjs');

const MAX_SOURCES = 2000;

/** @typedef {{ due: number, idleStart: number, source: import('../../shared/events').SourceLocation | null }} Schedule */
/** @type {WeakMap<object, Schedule>} */
const schedules = new WeakMap();
/** run µs − libuv ms × 1000, the smallest seen; null until a timer was set through the wrappers. */
let libuvOffsetUs = /** @type {number | null} */ (null);
let sourcesLeft = MAX_SOURCES;

function wrapTimerFunctions() {
  for (const name of /** @type {const} */ (['setTimeout', 'setInterval'])) {
    const original = /** @type {Function} */ (globalThis[name]);
    const wrapper = dressAs(
      /** @this {unknown} */ function () {
        const t = now();
        const timer = Reflect.apply(original, this, arguments);
        try {
          noteTimer(timer, t);
        } catch {
          // never break the program
        }
        return timer;
      },
      original,
    );
    replaceProperty(globalThis, name, wrapper);
    if (timers[name] === original) replaceProperty(timers, name, wrapper);
  }
}

/**
 * @param {unknown} timer
 * @param {number} t when the program called
 */
function noteTimer(timer, t) {
  const fields = timerFields(timer);
  if (!fields) return;
  const offset = t - fields.idleStart * 1000;
  if (libuvOffsetUs === null || offset < libuvOffsetUs) libuvOffsetUs = offset;
  const source = sourcesLeft > 0 ? callSites().callSite() : null;
  if (sourcesLeft > 0) sourcesLeft--;
  schedules.set(/** @type {object} */ (timer), { due: t + fields.idleTimeout * 1000, idleStart: fields.idleStart, source });
}

/**
 * @param {unknown} timer
 * @returns {{ idleStart: number, idleTimeout: number } | null}
 */
function timerFields(timer) {
  if (typeof timer !== 'object' || timer === null) return null;
  const { _idleStart: idleStart, _idleTimeout: idleTimeout } = /** @type {{ _idleStart?: unknown, _idleTimeout?: unknown }} */ (timer);
  return typeof idleStart === 'number' && typeof idleTimeout === 'number' && idleTimeout >= 0 ? { idleStart, idleTimeout } : null;
}

/**
 * When `timer`, about to run, was due (µs on the run's clock), where it was set, and whether
 * the program set it with setTimeout/setInterval (`program`: false for Node's own timers, an
 * HTTP server's date cache, or `timers/promises`).
 * @param {object} timer
 * @returns {{ due?: number, source?: import('../../shared/events').SourceLocation | null, program: boolean }}
 */
function timerSchedule(timer) {
  const fields = timerFields(timer);
  const known = schedules.get(timer);
  if (!fields) return { program: known !== undefined };
  if (known && known.idleStart === fields.idleStart) return { due: known.due, source: known.source, program: true };
  const due = libuvOffsetUs === null ? undefined : Math.round((fields.idleStart + fields.idleTimeout) * 1000 + libuvOffsetUs);
  return known ? { due, source: known.source, program: true } : { due, program: false };
}

module.exports = { wrapTimerFunctions, timerSchedule };
