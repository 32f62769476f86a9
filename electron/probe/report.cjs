// @ts-check
'use strict';
/**
 * Where every record goes. A call, a spawn, an exit, an error — any record but output and
 * IPC messages — is written at once, synchronously, before the program goes on: a program
 * that blocks its event loop right after starting children, and is then killed, has still
 * told the lab what it started. Output chunks and messages, which can come by the hundred
 * thousand, are queued and written in one go at the end of the current microtask checkpoint,
 * or at once when the process is going away (`flushNow`).
 *
 * Coalescing: output chunks and IPC messages can arrive by the hundred thousand. Past
 * RATE_LIMIT of them within one RATE_WINDOW, they are summed per stream or per channel and
 * direction into one record with an exact `count` and `bytes` (and `firstSeq`..`lastSeq` for
 * messages). Pending sums are always written before any other record, so the order of
 * records stays the order of events.
 *
 * @typedef {import('../../shared/events').LabEvent} LabEvent
 * @typedef {import('../../shared/events').OutputEvent} OutputEvent
 * @typedef {import('../../shared/events').IpcMessageEvent} IpcMessageEvent
 * @typedef {import('../../shared/events').TaskEvent} TaskEvent
 * @typedef {import('./report-channel-writer.cjs').ChannelWriter} ChannelWriter
 */
const { recordLine, MAX_RECORD_BYTES } = require('./record-line.cjs');
const { ownTimeout } = require('./own-timers.cjs');
const { now } = require('./clock.cjs');

const RATE_WINDOW_US = 50_000;
const RATE_LIMIT = 200;
/**
 * A sum is written at most this long after its first event: a flood's records reach the
 * page while they are news (a sum per stream or channel every 8 ms is still a handful of
 * records against thousands of events).
 */
const RUN_FLUSH_MS = 8;

/** @type {ChannelWriter | null} */
let writer = null;
/** @type {{ line: string, bytes: number }[]} */
let queue = [];
let flushScheduled = false;
/** After the process's 'exit': no later turn will come, write each record at once. */
let writeThrough = false;

let windowStart = -Infinity;
let windowCount = 0;
/**
 * Past the limit, an event whose run is open is folded into it without reading the clock
 * (timeUnlessFolded): the clock is read, and the window's end checked, at least once every
 * UNCLOCKED_FOLDS events. A flood pays one clock read in UNCLOCKED_FOLDS; its window closes at
 * most that many events late, and every count stays exact.
 */
const UNCLOCKED_FOLDS = 16;
let unclockedFolds = 0;
/** Sums being built, by stream or channel+direction, in the order they started. */
/** @type {Map<string, OutputEvent | IpcMessageEvent>} */
const runs = new Map();
/** @type {NodeJS.Timeout | null} */
let runsTimer = null;

/** @param {ChannelWriter} channelWriter */
function startReporting(channelWriter) {
  writer = channelWriter;
}

/**
 * Reports one event (any type but the frequent ones), written before this call returns,
 * after whatever was queued before it.
 * @param {LabEvent} record
 */
function report(record) {
  if (runs.size) flushRuns();
  queue.push(recordLine(record));
  flushQueue();
}

/** What to do with a frequent event: report it alone, or start a run with it. */
const ALONE = 0;
const FOLDED = 1;
const START_RUN = 2;

/**
 * An output chunk or an IPC message arrives: under the rate limit it is reported ALONE (the
 * caller builds its record and calls `reportAlone`); past it, it is FOLDED into its run's
 * count and bytes, or the caller builds its record and calls `startRun` (START_RUN).
 * No closure and no record per folded event: this runs for every chunk and message.
 * @param {string} key the stream, or the channel and direction
 * @param {number} t
 * @param {number} bytes
 * @param {number} seq message number, 0 for output
 * @returns {0 | 1 | 2} ALONE, FOLDED or START_RUN
 */
function admitFrequent(key, t, bytes, seq) {
  unclockedFolds = 0;
  if (t - windowStart >= RATE_WINDOW_US) {
    if (runs.size) flushRuns();
    windowStart = t;
    windowCount = 0;
  }
  windowCount += 1;
  if (windowCount <= RATE_LIMIT) return ALONE;
  const run = runs.get(key);
  if (!run) return START_RUN;
  fold(run, bytes, seq);
  return FOLDED;
}

/**
 * @param {OutputEvent | IpcMessageEvent} run
 * @param {number} bytes
 * @param {number} seq
 */
function fold(run, bytes, seq) {
  run.bytes += bytes;
  run.count = (run.count ?? 1) + 1;
  if (run.type === 'message') run.seq = run.lastSeq = seq;
}

/**
 * Whether the next event of `key` may be folded without reading the clock: past the limit, its
 * run open, and the clock read within the last UNCLOCKED_FOLDS events.
 * @param {string} key
 */
function foldsWithoutClock(key) {
  return windowCount >= RATE_LIMIT && unclockedFolds < UNCLOCKED_FOLDS && runs.has(key);
}

/**
 * An event's time. One not read (`t` -1: foldsWithoutClock said it need not be) is folded into
 * its open run without the clock if it still may, and then -1 says it is counted; else (that run
 * written meanwhile, or bytes not known yet) it is the time now, for admitFrequent. A time read
 * is returned as it is.
 * @param {string} key
 * @param {number} t
 * @param {number} bytes
 * @param {number} seq message number, 0 for output
 */
function timeUnlessFolded(key, t, bytes, seq) {
  if (t >= 0) return t;
  return bytes >= 0 && foldWithoutClock(key, bytes, seq) ? -1 : now();
}

/**
 * Folds an event into its open run without reading the clock, if it still may (foldsWithoutClock).
 * @param {string} key
 * @param {number} bytes
 * @param {number} seq
 */
function foldWithoutClock(key, bytes, seq) {
  if (windowCount < RATE_LIMIT || unclockedFolds >= UNCLOCKED_FOLDS) return false;
  const run = runs.get(key);
  if (!run) return false;
  unclockedFolds += 1;
  windowCount += 1;
  fold(run, bytes, seq);
  return true;
}

/** @param {OutputEvent | IpcMessageEvent | TaskEvent} record */
function reportAlone(record) {
  enqueue(record);
}

/**
 * @param {string} key
 * @param {OutputEvent | IpcMessageEvent} first the run's first event; the run takes its time and preview
 */
function startRun(key, first) {
  first.count = 1;
  if (first.type === 'message') first.firstSeq = first.lastSeq = first.seq;
  runs.set(key, first);
  if (!runsTimer) runsTimer = ownTimeout(flushRuns, RUN_FLUSH_MS);
}

/** Writes the pending sums (each stamped with the time of its first event). */
function flushRuns() {
  if (runsTimer) {
    clearTimeout(runsTimer);
    runsTimer = null;
  }
  for (const run of runs.values()) enqueue(run);
  runs.clear();
}

/** @param {object} record */
function enqueue(record) {
  queue.push(recordLine(record));
  if (writeThrough) flushQueue();
  else if (!flushScheduled) {
    flushScheduled = true;
    queueMicrotask(flushQueue);
  }
}

function flushQueue() {
  flushScheduled = false;
  const lines = queue;
  queue = [];
  if (!writer || !lines.length) return;
  let chunk = '';
  let chunkBytes = 0;
  for (const { line, bytes } of lines) {
    if (chunkBytes + bytes > MAX_RECORD_BYTES && chunk) {
      writer.write(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += line;
    chunkBytes += bytes;
  }
  if (chunk) writer.write(chunk);
}

/** What must be said before this thread's last records (the loop's task still open). */
/** @type {(() => void)[]} */
const beforeLastRecords = [];

/** @param {() => void} fn called once, when the process or thread is exiting */
function atLastRecords(fn) {
  beforeLastRecords.push(fn);
}

function sayLastRecords() {
  for (const fn of beforeLastRecords.splice(0)) {
    try {
      fn();
    } catch {
      // the probe must never break the program
    }
  }
}

/** Writes everything now, synchronously: the process may be gone after this call. */
function flushNow() {
  if (runs.size) flushRuns();
  flushQueue();
}

/** Writes everything, then closes this thread's connection to the channel: later records go nowhere. */
function closeReporting() {
  sayLastRecords();
  flushNow();
  writer?.close();
  writer = null;
}

/** From now on every record is written at once (the process is exiting). */
function switchToWriteThrough() {
  sayLastRecords();
  writeThrough = true;
  flushNow();
}

module.exports = {
  startReporting,
  report,
  admitFrequent,
  foldsWithoutClock,
  timeUnlessFolded,
  reportAlone,
  startRun,
  ALONE,
  START_RUN,
  flushNow,
  switchToWriteThrough,
  closeReporting,
  atLastRecords,
};
