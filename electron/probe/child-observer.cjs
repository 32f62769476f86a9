// @ts-check
'use strict';
/**
 * Watching a ChildProcess from its parent without touching its behaviour: we wrap the
 * child's `emit` (exit, close, disconnect, error, message), its stdout/stderr's `emit`
 * ('data' as the program receives it) and its `send`. No listener is ever added: a listener
 * would switch a stream to flowing mode (an unread child would no longer block) or keep an
 * IPC channel referenced (a child would never exit).
 *
 * @typedef {import('node:child_process').ChildProcess} ChildProcess
 * @typedef {import('node:stream').Readable} Readable
 */
const { now } = require('./clock.cjs');
const { report, admitFrequent, reportAlone, startRun, ALONE, START_RUN } = require('./report.cjs');
const { replaceProperty } = require('./replace-property.cjs');
const { chunkBytes, chunkPreview } = require('./preview.cjs');
const { errorRecord } = require('./error-record.cjs');
const { isInternalMessage, messageCounter } = require('./ipc-messages.cjs');
const { decodedByteCounter } = require('./decoded-bytes.cjs');
const { wireMeter, UNMEASURED } = require('./ipc-wire.cjs');
const { markChildStreams } = require('./task-kind.cjs');

/**
 * Starts watching `child` (before Node spawns it). Call `spawned()` once the spawn call
 * returned: the child has its pid (or failed to start), its stdio streams and IPC channel
 * exist then.
 * @param {ChildProcess} child
 * @param {string} childId
 */
function watchChild(child, childId) {
  /** @type {ReturnType<typeof messageCounter> | null} */
  let received = null;
  /** @type {import('./ipc-wire.cjs').WireMeter} set once the child has its IPC channel */
  let meter = UNMEASURED;
  const pid = () => child.pid ?? null;

  const originalEmit = child.emit;
  replaceProperty(child, 'emit', /** @this {unknown} */ function emit(/** @type {unknown} */ event) {
    try {
      if (event === 'message') {
        received ??= messageCounter('recv', child.pid ?? 0, process.pid);
        received.note(arguments[1], received.foldsWithoutClock() ? -1 : now(), meter.received(arguments[1]), null, meter.mode);
      } else if (event === 'exit' || event === 'close') {
        const [, code, signal] = arguments;
        report({ type: event, t: now(), pid: pid(), childId, code: code ?? null, signal: signal ?? null });
      } else if (event === 'disconnect') {
        report({ type: 'disconnect', t: now(), pid: pid(), childId });
      } else if (event === 'error') {
        report(errorRecord('child', arguments[1], { pid: pid(), childId }));
      }
    } catch {
      // the probe must never break the program
    }
    return Reflect.apply(originalEmit, this, arguments);
  });

  return {
    spawned() {
      // Reported as the spawn call returns, not at Node's 'spawn' event a tick later: a
      // program that blocks its loop now, and is killed, has still said what it started.
      if (typeof child.pid === 'number') report({ type: 'spawn', t: now(), pid: child.pid, childId, ppid: process.pid, file: child.spawnfile, argv: child.spawnargs });
      markChildStreams(child);
      if (child.stdout) watchOutput(child.stdout, 'stdout', pid, childId);
      if (child.stderr) watchOutput(child.stderr, 'stderr', pid, childId);
      if (typeof child.send === 'function') {
        meter = wireMeter(child);
        watchSend(child, meter);
      }
    },
  };
}

/**
 * @param {Readable} stream
 * @param {'stdout' | 'stderr'} type
 * @param {() => number | null} pid the writer
 * @param {string} childId
 */
function watchOutput(stream, type, pid, childId) {
  const key = `${type}:${childId}`;
  const decoded = decodedByteCounter(stream);
  const originalEmit = stream.emit;
  replaceProperty(stream, 'emit', /** @this {unknown} */ function emit(/** @type {unknown} */ event, /** @type {unknown} */ chunk) {
    if (event === 'data') {
      try {
        const t = now();
        const bytes = typeof chunk === 'string' ? decoded.bytesOf(chunk) : chunkBytes(chunk, null);
        const verdict = admitFrequent(key, t, bytes, 0);
        if (verdict === ALONE || verdict === START_RUN) {
          /** @type {import('../../shared/events').OutputEvent} */
          const record = { type, t, pid: pid(), childId, bytes, preview: chunkPreview(chunk) };
          if (verdict === ALONE) reportAlone(record);
          else startRun(key, record);
        }
      } catch {
        // never break the program
      }
    }
    return Reflect.apply(originalEmit, this, arguments);
  });
}

/**
 * @param {ChildProcess} child
 * @param {import('./ipc-wire.cjs').WireMeter} meter
 */
function watchSend(child, meter) {
  /** @type {ReturnType<typeof messageCounter> | null} */
  let sent = null;
  const originalSend = child.send;
  replaceProperty(child, 'send', /** @this {unknown} */ function send(/** @type {unknown} */ message) {
    if (!child.connected || isInternalMessage(message)) return Reflect.apply(originalSend, this, arguments);
    sent ??= messageCounter('send', process.pid, child.pid ?? 0);
    return sent.sendThrough(meter, originalSend, this, arguments, message);
  });
}

module.exports = { watchChild };
