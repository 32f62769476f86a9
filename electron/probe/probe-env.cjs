// @ts-check
'use strict';
/**
 * Keeping the probe everywhere: a child started with its own `env` would lose NODE_OPTIONS
 * and the OBRA_* variables. Just before Node launches a child, we add whichever of them its
 * environment lacks to `options.envPairs` (the "KEY=value" list Node hands to the OS).
 */
const path = require('node:path');

const PROBE_PATH = path.join(__dirname, 'index.cjs');
const REQUIRE_PROBE = '--require ' + quoteForNodeOptions(PROBE_PATH);
/** The run's variables, as this process received them (the program may delete them later). */
const CARRIED = ['OBRA_REPORT', 'OBRA_T0', 'OBRA_RUN', 'OBRA_TASKS']
  .filter((key) => process.env[key] !== undefined)
  .map((key) => [key, /** @type {string} */ (process.env[key])]);

/** @param {string} file */
function quoteForNodeOptions(file) {
  return /[\s"'\\]/.test(file) ? '"' + file.replace(/["\\]/g, '\\$&') + '"' : file;
}

/**
 * Windows names variables without regard to case (`Path`, `PATH`): so do we there.
 * @param {string} key
 */
function keyOf(key) {
  return process.platform === 'win32' ? key.toUpperCase() : key;
}

/**
 * @param {unknown} options the options of ChildProcess#spawn or of the spawnSync binding
 */
function injectProbeEnv(options) {
  if (!options || typeof options !== 'object') return;
  const o = /** @type {{ envPairs?: unknown }} */ (options);
  if (!Array.isArray(o.envPairs)) return;
  const pairs = /** @type {unknown[]} */ (o.envPairs);
  /** @type {Map<string, number>} */
  const index = new Map();
  pairs.forEach((pair, i) => {
    if (typeof pair === 'string') index.set(keyOf(pair.slice(0, pair.indexOf('='))), i);
  });
  /** @type {unknown[] | null} */
  let updated = null;
  for (const [key, value] of CARRIED) {
    if (index.has(keyOf(key))) continue;
    updated ??= pairs.slice();
    updated.push(`${key}=${value}`);
  }
  const at = index.get(keyOf('NODE_OPTIONS'));
  const value = nodeOptionsWithProbe(at === undefined ? undefined : String(pairs[at]).slice('NODE_OPTIONS='.length));
  if (value !== null) {
    updated ??= pairs.slice();
    if (at === undefined) updated.push(`NODE_OPTIONS=${value}`);
    else updated[at] = `NODE_OPTIONS=${value}`;
  }
  if (updated) o.envPairs = updated;
}

/**
 * NODE_OPTIONS that load the probe first, or null when `current` loads it already.
 * @param {string | undefined} current
 * @returns {string | null}
 */
function nodeOptionsWithProbe(current) {
  // The path appears quoted and escaped where it holds spaces or backslashes (always on Windows).
  if (typeof current === 'string' && (current.includes(PROBE_PATH) || current.includes(REQUIRE_PROBE))) return null;
  return current ? `${REQUIRE_PROBE} ${current}` : REQUIRE_PROBE;
}

/**
 * An env object (a Worker's `env` option) that also carries the probe: `env` itself when it
 * lacks nothing, else a copy with the run's variables and NODE_OPTIONS completed.
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string | undefined>}
 */
function withProbeVariables(env) {
  const missing = CARRIED.filter(([key]) => env[key] === undefined);
  const nodeOptions = nodeOptionsWithProbe(env.NODE_OPTIONS);
  if (!missing.length && nodeOptions === null) return env;
  const completed = { ...env, ...Object.fromEntries(missing) };
  if (nodeOptions !== null) completed.NODE_OPTIONS = nodeOptions;
  return completed;
}

module.exports = { injectProbeEnv, withProbeVariables };
