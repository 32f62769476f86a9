// @ts-check
'use strict';
/**
 * Every callback this thread's event loop runs, as a `task` record (shared/events.ts): when it
 * began, how long it ran, its kind, and for a timer when it was due. Seen with async_hooks'
 * `before` and `after` only (docs/PROBE-NOTES.md: an `init` hook would run for every promise).
 *
 * - A task is an outermost callback (depth 0). Callbacks nested in it (an HTTP parser's inside
 *   a socket read) can tell more of its kind: a read that parses an HTTP message is `http`.
 * - Promise jobs, nextTicks and queueMicrotask callbacks run at depth 0 right after the
 *   callback that queued them: their time is that task's.
 * - The same handle's callbacks back to back (an HTTP request's three parser callbacks) are
 *   one task.
 * - The main script is the first task (`other`, label `main`), from the probe's start to the
 *   first callback the loop runs; a nextTick queued here marks its end.
 * - A task is written once the next one begins (the probe's own 50 ms sampler guarantees
 *   one), or at exit, when the one running is cut where the process stopped.
 * - The probe's own timers are not tasks: the loop runs them, but they are Obra's work.
 *
 * Observe, never alter: the hooks only read a clock and the resource; they never throw.
 * @typedef {import('../../shared/events').TaskEvent} TaskEvent
 * @typedef {import('../../shared/events').TaskKind} TaskKind
 */
const asyncHooks = require('node:async_hooks');
const diagnostics = require('node:diagnostics_channel');
const { now } = require('./clock.cjs');
const { atLastRecords } = require('./report.cjs');
const { classify, isContinuation } = require('./task-kind.cjs');
const { isOwnTimer } = require('./own-timers.cjs');
const { timerSchedule } = require('./timer-schedule.cjs');
const { admitTask, flushTaskRuns } = require('./task-runs.cjs');
const { hideTrampolineFrames } = require('./stack-frames.cjs');

/** One handle's callbacks less than this apart are one task. */
const SAME_TASK_GAP_US = 1000;
const MAX_LABEL_CHARS = 120;
const MAIN = Object.freeze({});

/**
 * @typedef {{ resource: object, t: number, end: number, kind: TaskKind, label?: string,
 *   due?: number, source?: import('../../shared/events').SourceLocation | null }} OpenTask
 */
/** @type {OpenTask | null} */
let open = null;
let depth = 0;
/** Inside one of the probe's own callbacks, and the microtasks after it. */
let skipping = false;

function startLoopTasks() {
  open = { resource: MAIN, t: now(), end: now(), kind: 'other', label: 'main' };
  asyncHooks.createHook({ before, after }).enable();
  hideTrampolineFrames();
  // Ticks run as soon as the main script returns: this one marks where it ended.
  process.nextTick(() => {});
  diagnostics.subscribe('http.server.request.start', labelRequest);
  atLastRecords(finish);
}

function before() {
  try {
    if (depth++ !== 0) {
      if (open && !skipping) refine(open, asyncHooks.executionAsyncResource());
      return;
    }
    const resource = asyncHooks.executionAsyncResource();
    if (isContinuation(resource)) return;
    const t = now();
    if (isOwnTimer(resource)) {
      close();
      skipping = true;
      return;
    }
    skipping = false;
    if (open && open.resource === resource && t - open.end < SAME_TASK_GAP_US) return;
    close();
    open = begin(/** @type {object} */ (resource), t);
  } catch {
    // never break the program
  }
}

function after() {
  if (depth > 0) depth--;
  if (depth === 0 && open && !skipping) open.end = now();
}

/**
 * @param {object} resource
 * @param {number} t
 * @returns {OpenTask}
 */
function begin(resource, t) {
  const { kind, label } = classify(resource);
  /** @type {OpenTask} */
  const task = { resource, t, end: t, kind };
  if (label) task.label = label;
  if (kind === 'timer') Object.assign(task, timerSchedule(resource));
  return task;
}

/**
 * A callback nested in the task: an HTTP parser's makes a socket read an HTTP task.
 * @param {OpenTask} task
 * @param {unknown} resource
 */
function refine(task, resource) {
  if (task.kind === 'http' || typeof resource !== 'object' || resource === null || isContinuation(resource)) return;
  const { kind, label } = classify(resource);
  if (kind !== 'http') return;
  task.kind = 'http';
  if (label) task.label = label;
}

/** @param {unknown} message diagnostics_channel's { request, response, socket, server } */
function labelRequest(message) {
  try {
    const request = /** @type {{ request?: { method?: unknown, url?: unknown } }} */ (message).request;
    if (!open || !request || typeof request.method !== 'string') return;
    open.kind = 'http';
    open.label = `${request.method} ${String(request.url)}`.slice(0, MAX_LABEL_CHARS);
  } catch {
    // never break the program
  }
}

/** Writes the open task: it ended when its last callback (or microtask) returned. */
function close() {
  if (!open) return;
  const task = open;
  open = null;
  /** @type {TaskEvent} */
  const record = { type: 'task', t: task.t, pid: process.pid, kind: task.kind, dur: Math.max(0, task.end - task.t) };
  if (task.due !== undefined) record.due = task.due;
  if (task.label) record.label = task.label;
  if (task.source) record.source = task.source;
  admitTask(record);
}

/** At exit: the task running now (or a main script that called process.exit()) ends here. */
function finish() {
  if (open && !skipping && (depth > 0 || (open.resource === MAIN && open.end === open.t))) open.end = now();
  close();
  flushTaskRuns();
}

module.exports = { startLoopTasks };
