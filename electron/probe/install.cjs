// @ts-check
'use strict';
/**
 * Installs the probe in this process or thread (index.cjs loads this once, through the
 * probe's own loader: probe-require.cjs).
 */

/**
 * @param {string} address the report channel (OBRA_REPORT)
 */
function install(address) {
  const { openChannelWriter } = require('./report-channel-writer.cjs');
  const writer = openChannelWriter(address);
  if (!writer) return;
  require('./report.cjs').startReporting(writer);
  require('./process-hooks.cjs').hookProcess();
  require('./process-kill.cjs').hookProcessKill();

  const { wrapAsyncApi, hookChildSpawn } = require('./async-calls.cjs');
  const { wrapSyncApi, hookSpawnSyncBinding } = require('./sync-calls.cjs');
  for (const api of /** @type {const} */ (['spawn', 'fork', 'exec', 'execFile'])) wrapAsyncApi(api);
  for (const api of /** @type {const} */ (['spawnSync', 'execSync', 'execFileSync'])) wrapSyncApi(api);
  hookChildSpawn();
  hookSpawnSyncBinding();
  installThreadHooks();
  const tasks = process.env.OBRA_TASKS !== '0';
  if (tasks) require('./timer-schedule.cjs').wrapTimerFunctions();
  // ESM `import { spawn } from 'node:child_process'` (and node:timers, node:worker_threads)
  // reads a copy of the exports, which Node refreshes at every import and require of the
  // module: the program's, all after the wrapping, see the wrappers. (No
  // syncBuiltinESMExports(): its node:module would load Node's ESM loader into every process.)

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

module.exports = { install };
