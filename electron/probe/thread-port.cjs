// @ts-check
'use strict';
/**
 * Inside a Worker thread: its end of the channel with the thread that created it
 * (`parentPort`). Sends are seen by wrapping the port's `postMessage`; deliveries by
 * wrapping the method through which Node hands a message to the port's listeners (the
 * `nodejs.internal.kHybridDispatch` symbol of NodeEventTarget), both on the port itself,
 * never a listener: a 'message' listener would start the port and keep the thread alive.
 * When that method is not there (another Node), deliveries are not reported; sends still are.
 *
 * When the thread ends ('exit' on its `process`), after the probe's last records, its own
 * connection to the report channel is closed: the descriptor belongs to the whole process,
 * which may start many threads.
 */
const wt = require('node:worker_threads');
const { closeReporting } = require('./report.cjs');
const { replaceProperty } = require('./replace-property.cjs');
const { threadMessageCounter, noteDelivery, countPosts } = require('./thread-messages.cjs');
const { THREAD_ID, PARENT_THREAD_ID } = require('./thread-identity.cjs');
const { safely } = require('./async-calls.cjs');

const DISPATCH = Symbol.for('nodejs.internal.kHybridDispatch');

function hookThreadPort() {
  const port = wt.parentPort;
  if (!port) return;
  const parent = PARENT_THREAD_ID;
  const sent = threadMessageCounter('send', THREAD_ID, parent);
  const received = threadMessageCounter('recv', parent, THREAD_ID);

  countPosts(port, sent);

  const dispatch = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (port))[DISPATCH];
  if (typeof dispatch === 'function') {
    replaceProperty(port, DISPATCH, /** @this {unknown} */ function hybridDispatch(/** @type {unknown} */ data, /** @type {unknown} */ type) {
      if (type === 'message') noteDelivery(received, data);
      return Reflect.apply(dispatch, this, arguments);
    });
  }
}

/** Closes this thread's connection to the report channel once the thread has said its last. */
function closeChannelAtThreadExit() {
  const originalEmit = process.emit;
  replaceProperty(process, 'emit', /** @this {unknown} */ function emit(/** @type {unknown} */ event) {
    if (event !== 'exit') return Reflect.apply(originalEmit, this, arguments);
    try {
      return Reflect.apply(originalEmit, this, arguments);
    } finally {
      safely(closeReporting);
    }
  });
}

module.exports = { hookThreadPort, closeChannelAtThreadExit };
