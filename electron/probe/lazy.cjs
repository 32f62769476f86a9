// @ts-check
'use strict';
/**
 * A module loaded at its first use. Every Node process of a run loads the probe before its
 * own code, so what the probe loads at start is paid by every process, even one that never
 * starts a child, throws, sets a timer or gets a message: those parts wait until needed.
 * They load with the probe's own `require` (probe-require.cjs: paths relative to the probe,
 * whatever the cwd, never through Node's module loader).
 */

/**
 * @template T
 * @param {() => T} load a `require` of the module, written where it is used
 * @returns {() => T}
 */
function lazy(load) {
  /** @type {T | undefined} */
  let loaded;
  return () => (loaded ??= load());
}

module.exports = { lazy };
