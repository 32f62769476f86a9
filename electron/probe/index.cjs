// @ts-check
'use strict';
/**
 * Obra's probe. The lab loads it into every Node process of an observed tree
 * (NODE_OPTIONS=--require <this file>, with OBRA_REPORT, OBRA_T0 and OBRA_RUN). It watches
 * the process's child_process calls, their children, output, IPC messages and errors, and
 * its event loop (samples, and every callback it runs), and reports them as LabEvent records (shared/events.ts) to the lab.
 *
 * It observes and never alters: no listener is added, no handle is kept alive, nothing
 * changes a program's output, exit code or order of events. Without OBRA_REPORT it does
 * nothing; loaded twice, the second load does nothing.
 */
const LOADED = Symbol.for('obra.probe.loaded');

if (process.env.OBRA_REPORT && !Object.prototype.hasOwnProperty.call(process, LOADED)) {
  Object.defineProperty(process, LOADED, { value: true });
  try {
    install(process.env.OBRA_REPORT);
  } catch {
    // A probe that cannot install leaves the program as it was.
  }
}

/** @param {string} address */
function install(address) {
  const { openChannelWriter } = require('./report-channel-writer.cjs');
  const writer = openChannelWriter(address);
  if (!writer) return;
  require('./report.cjs').startReporting(writer);
  require('./process-hooks.cjs').hookProcess();
  require('./process-kill.cjs').hookProcessKill();

  const childProcess = require('node:child_process');
  const { wrapAsyncApi, hookChildSpawn } = require('./async-calls.cjs');
  const { wrapSyncApi, hookSpawnSyncBinding } = require('./sync-calls.cjs');
  for (const api of /** @type {const} */ (['spawn', 'fork', 'exec', 'execFile'])) wrapAsyncApi(api);
  for (const api of /** @type {const} */ (['spawnSync', 'execSync', 'execFileSync'])) wrapSyncApi(api);
  hookChildSpawn();
  hookSpawnSyncBinding();
  installThreadHooks();
  const tasks = process.env.OBRA_TASKS !== '0';
  if (tasks) require('./timer-schedule.cjs').wrapTimerFunctions();
  // ESM `import { spawn } from 'node:child_process'` reads a copy of the exports: refresh it.
  require('node:module').syncBuiltinESMExports();
  void childProcess;

  // Every thread samples its own event loop (a Worker thread's samples carry its threadId).
  require('./loop-sampler.cjs').startLoopSampler();
  // Every callback the loop runs (a per-run option: OBRA_TASKS=0 leaves it out).
  if (tasks) require('./loop-tasks.cjs').startLoopTasks();
}

/** Workers this thread creates; inside a Worker thread, also its port to its parent and its end. */
function installThreadHooks() {
  require('./worker-threads.cjs').hookWorkerConstructor();
  if (require('node:worker_threads').isMainThread) return;
  require('./thread-identity.cjs').announceThread();
  const { hookThreadPort, closeChannelAtThreadExit } = require('./thread-port.cjs');
  hookThreadPort();
  closeChannelAtThreadExit();
}
