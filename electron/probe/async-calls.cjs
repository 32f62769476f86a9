// @ts-check
'use strict';
/**
 * The asynchronous APIs: spawn, fork, exec, execFile. Each wrapper reports the call and lets
 * Node do the work; the child itself is watched from ChildProcess.prototype.spawn, which every
 * asynchronous child goes through whatever reference the program used. That hook also puts
 * the probe into the child's environment.
 *
 * @typedef {import('../../shared/events').ChildApi} ChildApi
 */
const childProcess = require('node:child_process');
const { promisify } = require('node:util');
const { now } = require('./clock.cjs');
const { report } = require('./report.cjs');
const { replaceProperty, dressAs } = require('./replace-property.cjs');
const { beginCall, insideCall, isInsideCall, takePendingChildId } = require('./calls.cjs');
const { lazy } = require('./lazy.cjs');
const errors = lazy(() => require('./error-record.cjs'));
const previews = lazy(() => require('./preview.cjs'));
const observers = lazy(() => require('./child-observer.cjs'));
const { injectProbeEnv } = require('./probe-env.cjs');
const { withoutProbeFrames } = require('./stack-frames.cjs');

/** @param {'spawn' | 'fork' | 'exec' | 'execFile'} api */
function wrapAsyncApi(api) {
  const original = /** @type {Function} */ (childProcess[api]);
  const buffered = api === 'exec' || api === 'execFile';
  const wrapper = dressAs(
    /** @this {unknown} */ function (/** @type {unknown[]} */ ..._args) {
      if (isInsideCall()) return Reflect.apply(original, this, arguments);
      const { childId, rawOptions } = beginCall(api, arguments);
      const argv = buffered ? withReportingCallback(api, childId, arguments, rawOptions) : arguments;
      try {
        return withoutProbeFrames(() => insideCall(childId, () => Reflect.apply(original, this, argv)));
      } catch (err) {
        // Thrown synchronously (bad arguments, EMFILE…): the program sees the throw.
        safely(() => report(errors().errorRecord('sync', err, { pid: null, childId })));
        throw err;
      }
    },
    original,
    [promisify.custom],
  );
  if (buffered) {
    // Node's promisify(exec) resolves {stdout, stderr} and keeps `.child`: rebuild it on the
    // wrapper, or promisified calls would bypass the probe.
    const custom = Object.getOwnPropertyDescriptor(original, promisify.custom);
    Object.defineProperty(wrapper, promisify.custom, { ...custom, value: promisifiedExec(wrapper) });
  }
  replaceProperty(childProcess, api, wrapper);
}

/**
 * Node's own promisified exec/execFile, built on the wrapper.
 * @param {Function} run
 */
function promisifiedExec(run) {
  return (/** @type {unknown[]} */ ...args) => {
    /** @type {(value: unknown) => void} */
    let resolve = () => {};
    /** @type {(reason: unknown) => void} */
    let reject = () => {};
    const promise = /** @type {Promise<unknown> & { child?: unknown }} */ (
      new Promise((res, rej) => {
        resolve = res;
        reject = rej;
      })
    );
    promise.child = run(...args, (/** @type {any} */ err, /** @type {unknown} */ stdout, /** @type {unknown} */ stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}

/**
 * The call's arguments with its callback (where Node looks for it) wrapped to report the
 * buffered delivery before the program's callback runs.
 * @param {'exec' | 'execFile'} api
 * @param {string} childId
 * @param {IArguments} argv
 * @param {Record<string, unknown> | null} rawOptions
 */
function withReportingCallback(api, childId, argv, rawOptions) {
  const args = Array.prototype.slice.call(argv);
  const at = callbackIndex(api, args);
  const callback = args[at];
  if (typeof callback !== 'function') return args;
  const encoding = rawOptions && typeof rawOptions.encoding === 'string' ? rawOptions.encoding : 'utf8';
  args[at] = /** @this {unknown} */ function (/** @type {unknown} */ error, /** @type {unknown} */ stdout, /** @type {unknown} */ stderr) {
    safely(() =>
      report({
        type: 'callback',
        t: now(),
        pid: process.pid,
        childId,
        api,
        error: error ? errors().callbackError(error) : null,
        stdoutBytes: previews().chunkBytes(stdout, encoding),
        stderrBytes: previews().chunkBytes(stderr, encoding),
      }),
    );
    return Reflect.apply(callback, this, arguments);
  };
  return args;
}

/**
 * Where Node's normalizeExecArgs / normalizeExecFileArgs find the callback.
 * @param {'exec' | 'execFile'} api
 * @param {unknown[]} a
 */
function callbackIndex(api, a) {
  if (api === 'exec') return typeof a[1] === 'function' ? 1 : 2;
  if (typeof a[1] === 'function') return 1;
  if (a[1] != null && typeof a[1] === 'object' && !Array.isArray(a[1])) return 2;
  return typeof a[2] === 'function' ? 2 : 3;
}

/** Every asynchronous child is spawned here: watch it, and carry the probe into it. */
function hookChildSpawn() {
  const proto = /** @type {{ spawn: Function }} */ (/** @type {unknown} */ (childProcess.ChildProcess.prototype));
  const original = proto.spawn;
  replaceProperty(
    proto,
    'spawn',
    dressAs(/** @this {unknown} */ function spawn(/** @type {any} */ options) {
      /** @type {{ spawned(): void } | null} */
      let watch = null;
      try {
        injectProbeEnv(options);
        const childId = takePendingChildId() ?? beginCall('spawn', implicitCallArgs(options)).childId;
        watch = observers().watchChild(/** @type {import('node:child_process').ChildProcess} */ (this), childId);
      } catch {
        // never break the program
      }
      const result = withoutProbeFrames(() => Reflect.apply(original, this, arguments));
      if (watch) safely(watch.spawned);
      return result;
    }, original),
  );
}

/**
 * A child spawned without going through our wrappers (a reference taken before the probe
 * loaded, `new ChildProcess()`): describe it from the normalized spawn options.
 * @param {any} options
 */
function implicitCallArgs(options) {
  const args = options && Array.isArray(options.args) ? options.args.slice(1) : [];
  return [options?.file, args, options];
}

/** @param {() => void} fn */
function safely(fn) {
  try {
    fn();
  } catch {
    // the probe must never break the program
  }
}

module.exports = { wrapAsyncApi, hookChildSpawn, safely };
