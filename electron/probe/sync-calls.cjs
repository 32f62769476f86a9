// @ts-check
'use strict';
/**
 * The synchronous APIs: spawnSync, execSync, execFileSync. The program is blocked until the
 * child is gone, so everything but the call is reported after the fact: spawn (sync: true),
 * the output the parent received, exit, and an error if the call threw or returned one.
 *
 * All three go through Node's spawn_sync binding. Hooking its `spawn` gives what the public
 * API hides (execSync's pid, the raw output sizes, the exact start and end times) and lets
 * the probe into children with a custom env. `process.binding` is the only way to reach it;
 * under --pending-deprecation that would print a warning, so there we use the public results.
 *
 * @typedef {import('../../shared/events').ChildApi} ChildApi
 * @typedef {{ pid: number | null, tStart: number | null, tEnd: number, status: number | null,
 *   signal: string | null, stdout: unknown, stderr: unknown }} SyncChild
 */
const childProcess = require('node:child_process');
const { now } = require('./clock.cjs');
const { report } = require('./report.cjs');
const { replaceProperty, dressAs } = require('./replace-property.cjs');
const { beginCall, insideCall, isInsideCall } = require('./calls.cjs');
const { lazy } = require('./lazy.cjs');
const errors = lazy(() => require('./error-record.cjs'));
const previews = lazy(() => require('./preview.cjs'));
const { injectProbeEnv } = require('./probe-env.cjs');
const { safely } = require('./async-calls.cjs');
const { withoutProbeFrames } = require('./stack-frames.cjs');

/** @type {SyncChild | null} what the binding saw during the current call */
let seen = null;

function hookSpawnSyncBinding() {
  const options = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (options.includes('--pending-deprecation') || process.env.NODE_PENDING_DEPRECATION === '1') return;
  /** @type {{ spawn: Function } | undefined} */
  let binding;
  try {
    binding = /** @type {any} */ (process).binding('spawn_sync');
  } catch {
    return;
  }
  if (!binding || typeof binding.spawn !== 'function') return;
  const original = binding.spawn;
  replaceProperty(
    binding,
    'spawn',
    dressAs(/** @this {unknown} */ function spawn(/** @type {any} */ spawnOptions) {
      safely(() => injectProbeEnv(spawnOptions));
      const tStart = now();
      const result = Reflect.apply(original, this, arguments);
      safely(() => {
        const started = typeof result.pid === 'number' && result.pid > 0;
        const [, stdout, stderr] = Array.isArray(result.output) ? result.output : [];
        seen = { pid: started ? result.pid : 0, tStart, tEnd: now(), status: result.status ?? null, signal: result.signal ?? null, stdout, stderr };
      });
      return result;
    }, original),
  );
}

/** @param {'spawnSync' | 'execSync' | 'execFileSync'} api */
function wrapSyncApi(api) {
  const original = /** @type {Function} */ (childProcess[api]);
  const wrapper = dressAs(/** @this {unknown} */ function (/** @type {unknown[]} */ ..._args) {
    if (isInsideCall()) return Reflect.apply(original, this, arguments);
    const { childId, rawOptions } = beginCall(api, arguments);
    seen = null;
    let result;
    try {
      result = withoutProbeFrames(() => insideCall(childId, () => Reflect.apply(original, this, arguments)));
    } catch (err) {
      safely(() => reportOutcome(api, childId, rawOptions, undefined, err));
      throw err;
    }
    safely(() => reportOutcome(api, childId, rawOptions, result, undefined));
    return result;
  }, original);
  replaceProperty(childProcess, api, wrapper);
}

/**
 * @param {ChildApi} api
 * @param {string} childId
 * @param {Record<string, unknown> | null} rawOptions
 * @param {any} result
 * @param {any} thrown
 */
function reportOutcome(api, childId, rawOptions, result, thrown) {
  const child = seen ?? publicFacts(api, result, thrown);
  seen = null;
  const encoding = rawOptions && typeof rawOptions.encoding === 'string' ? rawOptions.encoding : null;
  if (child.pid !== 0) {
    const { pid, tEnd } = child;
    report({ type: 'spawn', t: child.tStart ?? tEnd, pid, childId, ppid: process.pid, sync: true });
    for (const type of /** @type {const} */ (['stdout', 'stderr'])) {
      const chunk = child[type];
      const bytes = previews().chunkBytes(chunk, encoding);
      if (bytes > 0) report({ type, t: tEnd, pid, childId, bytes, preview: previews().chunkPreview(chunk) });
    }
    report({ type: 'exit', t: tEnd, pid, childId, code: child.status, signal: child.signal });
  }
  const error = thrown ?? (api === 'spawnSync' ? result?.error : undefined);
  if (error) report(errors().errorRecord('sync', error, { pid: child.pid || null, childId }));
}

/**
 * What the public API tells about the child (without the binding hook).
 * @param {ChildApi} api
 * @param {any} result
 * @param {any} thrown
 * @returns {SyncChild}
 */
function publicFacts(api, result, thrown) {
  const tEnd = now();
  const from = thrown ?? (api === 'spawnSync' ? result : null);
  if (from && typeof from === 'object') {
    const pid = typeof from.pid === 'number' ? from.pid : 0;
    return { pid, tStart: null, tEnd, status: from.status ?? null, signal: from.signal ?? null, stdout: from.stdout, stderr: from.stderr };
  }
  // execSync/execFileSync returned: the child exited 0; Node does not say its pid.
  return { pid: null, tStart: null, tEnd, status: 0, signal: null, stdout: result, stderr: null };
}

module.exports = { hookSpawnSyncBinding, wrapSyncApi };
