// @ts-check
'use strict';
/**
 * This process's own events, seen by wrapping `process.emit` (never by adding a listener:
 * a 'message' listener would keep the IPC channel referenced and the process alive).
 * - 'exit': after the program's own exit listeners, write everything still pending,
 *   synchronously, and from then on write each record at once.
 * - 'uncaughtExceptionMonitor': take the probe's frames out of the error's stack
 *   (stack-frames.cjs), report it and write everything before Node decides whether the
 *   exception kills the process.
 * - 'message' and `process.send`: the child's end of an IPC channel with its parent.
 */
const { now } = require('./clock.cjs');
const { report, flushNow, switchToWriteThrough } = require('./report.cjs');
const { replaceProperty } = require('./replace-property.cjs');
const { lazy } = require('./lazy.cjs');
const errors = lazy(() => require('./error-record.cjs'));
const callSites = lazy(() => require('./call-site.cjs'));
const messages = lazy(() => require('./ipc-messages.cjs'));
const { wireMeter, UNMEASURED } = require('./ipc-wire.cjs');
const { scrubProbeFrames } = require('./stack-frames.cjs');

function hookProcess() {
  /** @type {ReturnType<typeof import('./ipc-messages.cjs').messageCounter> | null} */
  let received = null;
  // A forked child's channel with its parent exists before the probe loads.
  const meter = typeof process.send === 'function' ? wireMeter(process) : UNMEASURED;
  const originalEmit = process.emit;
  replaceProperty(process, 'emit', /** @this {unknown} */ function emit(/** @type {unknown} */ event) {
    if (event === 'exit') {
      try {
        return Reflect.apply(originalEmit, this, arguments);
      } finally {
        try {
          switchToWriteThrough();
        } catch {
          // nothing more can be done at exit
        }
      }
    }
    try {
      if (event === 'message') {
        received ??= messages().messageCounter('recv', process.ppid, process.pid);
        received.note(arguments[1], received.foldsWithoutClock() ? -1 : now(), meter.received(arguments[1]), null, meter.mode);
      } else if (event === 'uncaughtExceptionMonitor') {
        const error = scrubProbeFrames(arguments[1]);
        report(errors().errorRecord('uncaught', error, { pid: process.pid, source: callSites().errorSource(error) }));
        flushNow();
      }
    } catch {
      // the probe must never break the program
    }
    return Reflect.apply(originalEmit, this, arguments);
  });
  if (typeof process.send === 'function') hookProcessSend(meter);
}

/**
 * The child's sends to its parent (process.send exists when this process was forked).
 * @param {import('./ipc-wire.cjs').WireMeter} meter
 */
function hookProcessSend(meter) {
  const { isInternalMessage, messageCounter } = messages();
  const sent = messageCounter('send', process.pid, process.ppid);
  const originalSend = /** @type {Function} */ (process.send);
  replaceProperty(process, 'send', /** @this {unknown} */ function send(/** @type {unknown} */ message) {
    if (!process.connected || isInternalMessage(message)) return Reflect.apply(originalSend, this, arguments);
    return sent.sendThrough(meter, originalSend, this, arguments, message);
  });
}

module.exports = { hookProcess };
