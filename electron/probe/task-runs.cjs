// @ts-check
'use strict';
/**
 * Task records under load. A loop can run hundreds of thousands of callbacks a second (every
 * IPC read, every write that completed later): past RATE_LIMIT tasks in one RATE_WINDOW of
 * this thread, they are summed per kind into one record with the exact `count`, `dur` (the
 * total time they ran) and `span` (from the first one's start to the last one's end), stamped
 * with the first one's start. A sum is written when the window ends, RATE_WINDOW later at
 * most, or at exit. Labels, due times and sources are those of single tasks only.
 *
 * @typedef {import('../../shared/events').TaskEvent} TaskEvent
 * @typedef {import('../../shared/events').TaskKind} TaskKind
 */
const { reportAlone } = require('./report.cjs');
const { ownTimeout } = require('./own-timers.cjs');

const RATE_WINDOW_US = 50_000;
const RATE_LIMIT = 200;

let windowStart = -Infinity;
let windowCount = 0;
/** @type {Map<string, TaskEvent>} */
const runs = new Map();
/** @type {NodeJS.Timeout | null} */
let runsTimer = null;

/**
 * A single callback, ended. Past the rate limit it is only added to its kind's sum: no
 * record is built for it.
 * @param {number} pid
 * @param {TaskKind} kind
 * @param {number} t
 * @param {number} dur
 * @param {number | undefined} due
 * @param {string | undefined} label
 * @param {import('../../shared/events').SourceLocation | null | undefined} source
 * @param {number} callbacks how many callbacks it was (a handle's writes completed back to back), usually 1
 */
function admitTask(pid, kind, t, dur, due, label, source, callbacks = 1) {
  if (t - windowStart >= RATE_WINDOW_US) {
    flushTaskRuns();
    windowStart = t;
    windowCount = 0;
  }
  if (++windowCount <= RATE_LIMIT) {
    /** @type {TaskEvent} */
    const record = { type: 'task', t, pid, kind, dur };
    if (due !== undefined) record.due = due;
    if (label) record.label = label;
    if (source) record.source = source;
    if (callbacks > 1) {
      record.count = callbacks;
      record.span = dur;
    }
    reportAlone(record);
    return;
  }
  const run = runs.get(kind);
  if (run) {
    run.dur += dur;
    run.count = (run.count ?? 1) + callbacks;
    run.span = Math.max(run.span ?? 0, t + dur - run.t);
    return;
  }
  runs.set(kind, { type: 'task', t, pid, kind, dur, count: callbacks, span: dur });
  runsTimer ??= ownTimeout(() => {
    runsTimer = null;
    flushTaskRuns();
  }, RATE_WINDOW_US / 1000);
}

/**
 * Writes the sums being built. Their timer is left to fire (it then finds nothing or a later
 * sum): this runs inside async_hooks' `before`, where clearing the timer about to run — this
 * very one, when it is due — would take its callback away from under Node.
 */
function flushTaskRuns() {
  for (const run of runs.values()) reportAlone(run);
  runs.clear();
}

module.exports = { admitTask, flushTaskRuns };
