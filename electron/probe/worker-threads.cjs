// @ts-check
'use strict';
/**
 * Worker threads seen from the thread that creates them. `Worker` is replaced by a Proxy of
 * itself whose only trap is `construct`: the program gets the Worker Node made (same
 * prototype, same `instanceof`, subclasses work), and we watch it as child-observer.cjs
 * watches a ChildProcess — its `emit` ('online', 'message', 'exit') and its `postMessage`,
 * wrapped on the instance, never a listener (a listener on a Worker's port would keep the
 * thread referenced). Reported: a 'thread' record at start, online and exit; a 'message'
 * record for each message either way.
 *
 * A Worker given an `env` of its own would lose NODE_OPTIONS and the OBRA_* variables (and
 * with them the probe): the copy of its options we hand to Node carries them (probe-env.cjs).
 */
const wt = require('node:worker_threads');
const { now } = require('./clock.cjs');
const { report } = require('./report.cjs');
const { replaceProperty } = require('./replace-property.cjs');
const { lazy } = require('./lazy.cjs');
const callSites = lazy(() => require('./call-site.cjs'));
const { withProbeVariables } = require('./probe-env.cjs');
const threadMessages = lazy(() => require('./thread-messages.cjs'));
const { safely } = require('./async-calls.cjs');
const { THREAD_ID } = require('./thread-identity.cjs');

/** @typedef {import('node:worker_threads').Worker} Worker */

function hookWorkerConstructor() {
  const Original = wt.Worker;
  if (typeof Original !== 'function') return;
  const Observed = new Proxy(Original, {
    construct(target, args, newTarget) {
      const t = now();
      let argv = args;
      safely(() => (argv = withProbeEnvOption(args)));
      /** @type {import('../../shared/events').SourceLocation | null} */
      let source = null;
      safely(() => (source = callSites().callSite()));
      const worker = Reflect.construct(target, argv, newTarget);
      safely(() => watchWorker(/** @type {Worker} */ (worker), t, source, scriptOf(args)));
      return worker;
    },
  });
  replaceProperty(wt, 'Worker', Observed);
}

/**
 * @param {Worker} worker
 * @param {number} t when `new Worker` was called
 * @param {import('../../shared/events').SourceLocation | null} source
 * @param {string} file
 */
function watchWorker(worker, t, source, file) {
  const thread = worker.threadId;
  const pid = process.pid;
  report({ type: 'thread', t, pid, state: 'start', thread, file, source });
  const { threadMessageCounter, noteDelivery, countPosts } = threadMessages();
  const received = threadMessageCounter('recv', thread, THREAD_ID);
  const sent = threadMessageCounter('send', THREAD_ID, thread);
  let exited = false;

  const originalEmit = worker.emit;
  replaceProperty(worker, 'emit', /** @this {unknown} */ function emit(/** @type {unknown} */ event) {
    if (event === 'message') {
      const data = arguments[1];
      noteDelivery(received, data);
      // Node emits a message with its data alone: called as such, without an arguments list to spread.
      if (arguments.length === 2) return originalEmit.call(this, event, data);
    } else if (event === 'online') safely(() => report({ type: 'thread', t: now(), pid, state: 'online', thread }));
    else if (event === 'exit') {
      exited = true;
      const code = arguments[1];
      safely(() => report({ type: 'thread', t: now(), pid, state: 'exit', thread, code }));
    }
    return Reflect.apply(originalEmit, this, arguments);
  });
  countPosts(worker, sent, () => exited);
}

/**
 * The script as the program gave it: a path, a file: URL, or code run with `eval: true`.
 * @param {unknown[]} args
 */
function scriptOf(args) {
  const [script, options] = args;
  if (options && typeof options === 'object' && /** @type {{ eval?: unknown }} */ (options).eval) return '[worker eval]';
  if (script instanceof URL) return script.href;
  return typeof script === 'string' ? script : String(script);
}

/**
 * The arguments for Node: the same, unless the options give the thread an env object of its
 * own; then a copy of the options whose env also carries the probe's variables.
 * @param {unknown[]} args
 */
function withProbeEnvOption(args) {
  const options = args[1];
  if (!options || typeof options !== 'object') return args;
  const env = /** @type {{ env?: unknown }} */ (options).env;
  if (!env || typeof env !== 'object') return args; // process.env, or SHARE_ENV (a symbol)
  const completed = withProbeVariables(/** @type {Record<string, string | undefined>} */ (env));
  if (completed === env) return args;
  return [args[0], { ...options, env: completed }, ...args.slice(2)];
}

module.exports = { hookWorkerConstructor };
