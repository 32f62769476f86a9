// @ts-check
'use strict';
/**
 * Keeping the probe's wrappers out of the stack traces a program sees. V8 records a frame for
 * every JavaScript function on the stack, wrappers included, and offers no way to hide one;
 * and an error caught and thrown again is reported as thrown where it was thrown again. So:
 * - An uncaught error, whatever wrapper it went through (an 'exit' or 'message' listener of
 *   the program that threw, through the probe's `emit`), has the probe's frames taken out of
 *   its `stack` at 'uncaughtExceptionMonitor', before Node or the program's handler prints it.
 *   It is not caught on the way: Node still shows the program's line where it was thrown.
 * - Node's child_process functions are called with room in the trace for the probe's frames
 *   (Error.stackTraceLimit raised for the call), and what they throw (bad arguments, EMFILE)
 *   comes out without them, with the frames it would have had without Obra. The probe reports
 *   those errors, so it catches them: an uncaught one shows the probe's line as where it was
 *   thrown, where without Obra it shows Node's own (node:internal/errors).
 * - While the probe sees the loop's callbacks (loop-tasks.cjs), Node calls every native
 *   callback through its `callbackTrampoline` (node:internal/async_hooks), whose frame is then
 *   the outermost of the stack: taken out of uncaught errors too (a program that uses
 *   async_hooks or AsyncLocalStorage itself had that frame without Obra, and loses it).
 * What remains: a stack read where nothing is thrown (`new Error().stack` or console.trace()
 * inside an observed listener) shows the wrapper's frame, and an error thrown through a
 * wrapper and caught by the program keeps it. A program that replaces Error.prepareStackTrace
 * gets its errors untouched: reading `stack` early would call its code.
 */
const path = require('node:path');
const { isNativeError } = require('node:util').types;

const PROBE_DIR = __dirname + path.sep;
/** More than the probe's frames under one call (exec → execFile → spawn → ChildProcess#spawn). */
const ROOM = 16;
const FRAME = /^\s+at /;
const TRAMPOLINE = /^\s+at (?:\S+\.)?callbackTrampoline \(node:internal\/async_hooks:\d+:\d+\)$/;
/** Whether Node's callbackTrampoline frame is ours to take out (the probe's hooks put it there). */
let trampolineIsOurs = false;

function hideTrampolineFrames() {
  trampolineIsOurs = true;
}
/** Node's own, as it was when the probe loaded (before the program's code ran). */
const NODE_PREPARE = Error.prepareStackTrace;

/**
 * Runs `run` (Node's implementation under a wrapper) with room in stack traces for the
 * probe's frames; an error it throws comes out without them.
 * @template T
 * @param {() => T} run
 * @returns {T}
 */
function withoutProbeFrames(run) {
  const limit = Error.stackTraceLimit;
  const roomy = typeof limit === 'number' && Number.isFinite(limit) && limit >= 0 && isWritableLimit();
  if (roomy) Error.stackTraceLimit = limit + ROOM;
  try {
    return run();
  } catch (err) {
    throw scrubProbeFrames(err, roomy ? limit : Infinity);
  } finally {
    if (roomy) Error.stackTraceLimit = limit;
  }
}

function isWritableLimit() {
  const d = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  return d !== undefined && 'value' in d && d.writable === true;
}

/**
 * The error, its `stack` without the probe's frames (and at most `keep` frames).
 * @param {unknown} err
 * @param {number} [keep]
 */
function scrubProbeFrames(err, keep = Infinity) {
  try {
    if (!isNativeError(err) || Error.prepareStackTrace !== NODE_PREPARE) return err;
    const d = Object.getOwnPropertyDescriptor(err, 'stack');
    if (!d || !('value' in d) || !d.writable || typeof d.value !== 'string') return err;
    const lines = d.value.split('\n');
    let frames = -1; // counting starts at the first frame: what comes before is the message
    const kept = lines.filter((line) => {
      if (frames < 0 && !FRAME.test(line)) return true;
      if (frames < 0) frames = 0;
      if (line.includes(PROBE_DIR) || (trampolineIsOurs && TRAMPOLINE.test(line))) return false;
      return ++frames <= keep;
    });
    if (kept.length !== lines.length) /** @type {Error} */ (err).stack = kept.join('\n');
  } catch {
    // leave the error as it is
  }
  return err;
}

module.exports = { withoutProbeFrames, scrubProbeFrames, hideTrampolineFrames };
