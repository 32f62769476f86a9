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
 *   one task. So are the completions of a handle's writes back to back (a flood of IPC
 *   messages completes thousands in one turn): that task's `count` says how many.
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
const { classify, sameTaskKey, isContinuation } = require('./task-kind.cjs');
const { isOwnTimer } = require('./own-timers.cjs');
const { timerSchedule } = require('./timer-schedule.cjs');
const { admitTask, flushTaskRuns } = require('./task-runs.cjs');
const { hideTrampolineFrames } = require('./stack-frames.cjs');

/** One handle's callbacks less than this apart are one task. */
const SAME_TASK_GAP_US = 1000;
const MAX_LABEL_CHARS = 120;
const MAIN = Object.freeze({});

/**
 * The task being built, kept in plain variables (no object per callback: a loop may run
 * hundreds of thousands a second). `openResource` null: none.
 * @type {object | null}
 */
let openResource = null;
/** What a callback back to back with the open task must share to be part of it (task-kind.cjs). */
/** @type {object | null} */
let openKey = null;
/** Completed writes (or shutdowns) of one handle in the open task. */
let openCompletions = 1;
let openT = 0;
let openEnd = 0;
/** @type {TaskKind} */
let openKind = 'other';
/** @type {string | undefined} */
let openLabel;
/** @type {number | undefined} */
let openDue;
/** @type {import('../../shared/events').SourceLocation | null | undefined} */
let openSource;
let depth = 0;
/** Inside one of the probe's own callbacks, and the microtasks after it. */
let skipping = false;

function startLoopTasks() {
  begin(MAIN, now());
  openKind = 'other';
  openLabel = 'main';
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
      if (openResource && !skipping && openKind !== 'http') refine(asyncHooks.executionAsyncResource());
      return;
    }
    const resource = asyncHooks.executionAsyncResource();
    // The open task's own resource again soon after (a port delivering a flood of messages,
    // a callback each): still that task, nothing more to work out.
    if (resource === openResource && now() - openEnd < SAME_TASK_GAP_US) return;
    if (isContinuation(resource)) return;
    const t = now();
    if (isOwnTimer(resource)) {
      close();
      skipping = true;
      return;
    }
    skipping = false;
    const key = sameTaskKey(/** @type {object} */ (resource));
    if (openKey === key && t - openEnd < SAME_TASK_GAP_US) {
      if (key !== resource) openCompletions += 1;
      return;
    }
    close();
    begin(/** @type {object} */ (resource), t);
    openKey = key;
  } catch {
    // never break the program
  }
}

function after() {
  if (depth > 0) depth--;
  if (depth === 0 && openResource && !skipping) openEnd = now();
}

/**
 * @param {object} resource
 * @param {number} t
 */
function begin(resource, t) {
  const kinded = resource === MAIN ? null : classify(resource);
  openResource = resource;
  openKey = resource;
  openCompletions = 1;
  openT = t;
  openEnd = t;
  openKind = kinded ? kinded.kind : 'other';
  openLabel = kinded?.label;
  openDue = undefined;
  openSource = undefined;
  if (openKind === 'timer') {
    const schedule = timerSchedule(resource);
    openDue = schedule.due;
    openSource = schedule.source;
    // A timer the program did not set through setTimeout/setInterval is named as a timer only.
    if (!schedule.program && openLabel) openLabel = openLabel.replace(/^setTimeout|^setInterval/, (word) => (word === 'setTimeout' ? 'timer' : 'interval'));
  }
}

/**
 * A callback nested in the task: an HTTP parser's makes a socket read an HTTP task.
 * @param {unknown} resource
 */
function refine(resource) {
  if (typeof resource !== 'object' || resource === null || isContinuation(resource)) return;
  const { kind, label } = classify(resource);
  if (kind !== 'http') return;
  openKind = 'http';
  if (label) openLabel = label;
}

/** @param {unknown} message diagnostics_channel's { request, response, socket, server } */
function labelRequest(message) {
  try {
    const request = /** @type {{ request?: { method?: unknown, url?: unknown } }} */ (message).request;
    if (!openResource || !request || typeof request.method !== 'string') return;
    openKind = 'http';
    openLabel = `${request.method} ${String(request.url)}`.slice(0, MAX_LABEL_CHARS);
  } catch {
    // never break the program
  }
}

/** Writes the open task: it ended when its last callback (or microtask) returned. */
function close() {
  if (!openResource) return;
  openResource = null;
  openKey = null;
  admitTask(process.pid, openKind, openT, Math.max(0, openEnd - openT), openDue, openLabel, openSource, openCompletions);
}

/** At exit: the task running now (or a main script that called process.exit()) ends here. */
function finish() {
  if (openResource && !skipping && (depth > 0 || (openResource === MAIN && openEnd === openT))) openEnd = now();
  close();
  flushTaskRuns();
}

module.exports = { startLoopTasks };
