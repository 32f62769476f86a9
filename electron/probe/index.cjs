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
    require('./probe-require.cjs').probeRequire('./install.cjs').install(process.env.OBRA_REPORT);
  } catch {
    // A probe that cannot install leaves the program as it was.
  }
}
