// @ts-check
// The candidate ways to see every callback an event loop runs, for bench/loop-mechanisms.cjs.
// Loaded with --require in every process of a workload; OBRA_LOOP_MECHANISM picks one:
//   hooks-before-after   async_hooks with before/after only; the kind from executionAsyncResource()
//   hooks-init           async_hooks init (type kept by asyncId) + before/after + destroy
//   wrap-entry-points    the program's callbacks wrapped where it hands them over: timers and fs
// Each counts the outermost callbacks it saw by kind and their total time, and prints them to
// stderr at exit as `LOOP {json}`; nothing on stdout, so the workload's BENCH line is unchanged.
'use strict';
const asyncHooks = require('node:async_hooks');
const fs = require('node:fs');

const mechanism = process.env.OBRA_LOOP_MECHANISM;
/** @type {Record<string, number>} */
const seen = {};
let totalMs = 0;
let depth = 0;
let startedAt = 0;

/** @param {string} kind */
function enter(kind) {
  if (depth++ === 0) {
    startedAt = performance.now();
    seen[kind] = (seen[kind] ?? 0) + 1;
  }
}
function leave() {
  if (--depth === 0) totalMs += performance.now() - startedAt;
}

if (mechanism === 'hooks-before-after') {
  asyncHooks
    .createHook({
      before() {
        const resource = /** @type {any} */ (asyncHooks.executionAsyncResource());
        enter(resource?.constructor?.name ?? '?');
      },
      after: leave,
    })
    .enable();
} else if (mechanism === 'hooks-init') {
  /** @type {Map<number, string>} */
  const types = new Map();
  asyncHooks
    .createHook({
      init(asyncId, type) {
        types.set(asyncId, type);
      },
      before(asyncId) {
        enter(types.get(asyncId) ?? '?');
      },
      after: leave,
      destroy(asyncId) {
        types.delete(asyncId);
      },
      promiseResolve(asyncId) {
        types.delete(asyncId);
      },
    })
    .enable();
} else if (mechanism === 'wrap-entry-points') {
  /** @param {Function} callback @param {string} kind */
  const wrap = (callback, kind) =>
    /** @this {unknown} */
    function () {
      enter(kind);
      try {
        return Reflect.apply(callback, this, arguments);
      } finally {
        leave();
      }
    };
  for (const name of /** @type {const} */ (['setTimeout', 'setInterval', 'setImmediate'])) {
    const original = /** @type {Function} */ (globalThis[name]);
    const kind = name === 'setImmediate' ? 'Immediate' : 'Timeout';
    /** @type {any} */ (globalThis)[name] = function (/** @type {unknown} */ callback, /** @type {unknown[]} */ ...rest) {
      return Reflect.apply(original, this, [typeof callback === 'function' ? wrap(callback, kind) : callback, ...rest]);
    };
  }
  for (const [name, fn] of Object.entries(fs)) {
    if (typeof fn !== 'function' || /Sync$|^[A-Z]|^(?:watch|createReadStream|createWriteStream)/.test(name)) continue;
    /** @type {any} */ (fs)[name] = function (/** @type {unknown[]} */ ...args) {
      const last = args.length - 1;
      if (typeof args[last] === 'function') args[last] = wrap(/** @type {Function} */ (args[last]), 'fs');
      return Reflect.apply(fn, this, args);
    };
  }
}

process.on('exit', () => {
  if (mechanism) fs.writeSync(2, `LOOP ${JSON.stringify({ pid: process.pid, seen, totalMs: Math.round(totalMs) })}\n`);
});
