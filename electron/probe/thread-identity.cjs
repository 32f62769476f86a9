// @ts-check
'use strict';
/**
 * Which thread this is, and which thread created it. A Worker cannot ask for its parent's
 * threadId, so each thread leaves its own id in its environment data (copied into every
 * Worker it creates, under a key of ours that a program reads only if it asks for that very
 * key): the new thread finds there the id of the thread that created it.
 */
const wt = require('node:worker_threads');

const PARENT_KEY = 'obra.probe.parentThreadId';

/** This thread's id: 0 on the main thread. */
const THREAD_ID = wt.threadId;

/** The thread that created this one: 0 for the main thread (or a parent without the probe). Read before this thread announces itself. */
const PARENT_THREAD_ID = readParent();

function readParent() {
  if (wt.isMainThread || typeof wt.getEnvironmentData !== 'function') return 0;
  const id = wt.getEnvironmentData(PARENT_KEY);
  return typeof id === 'number' ? id : 0;
}

/** From now on, Workers this thread creates know it as their parent (the main thread is 0 already). */
function announceThread() {
  if (!wt.isMainThread && typeof wt.setEnvironmentData === 'function') wt.setEnvironmentData(PARENT_KEY, THREAD_ID);
}

module.exports = { THREAD_ID, PARENT_THREAD_ID, announceThread };
