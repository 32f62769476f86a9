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

/** @param {TaskEvent} task a single callback, ended */
function admitTask(task) {
  if (task.t - windowStart >= RATE_WINDOW_US) {
    flushTaskRuns();
    windowStart = task.t;
    windowCount = 0;
  }
  if (++windowCount <= RATE_LIMIT) {
    reportAlone(task);
    return;
  }
  const run = runs.get(task.kind);
  if (run) {
    run.dur += task.dur;
    run.count = (run.count ?? 1) + 1;
    run.span = Math.max(run.span ?? 0, task.t + task.dur - run.t);
    return;
  }
  runs.set(task.kind, { type: 'task', t: task.t, pid: task.pid, kind: task.kind, dur: task.dur, count: 1, span: task.dur });
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
