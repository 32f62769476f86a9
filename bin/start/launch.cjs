// @ts-check
/**
 * Starts Electron on the app and watches it until its window is up (the main
 * process prints WINDOW_UP_LINE, shared/window-up.ts). Ending before that is a
 * failed launch, told with its reason; after it, Electron's exit code is the
 * launcher's. Electron's stdout and stderr pass through as they come.
 *
 * Never leaves Electron behind: stop(signal) forwards the signal and kills it
 * a few seconds later if it is still there; so does a window that never comes.
 */
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { launchFailure } = require('./launch-failure.cjs');

/** Electron that shows no window in this long is stopped (a first start on a slow disk takes seconds, not this). */
const WINDOW_TIMEOUT_MS = 60_000;
/** After a forwarded signal, this long before SIGKILL: enough for the lab to stop every run (1 s). */
const KILL_GRACE_MS = 5_000;
const STDERR_TAIL_CHARS = 32 * 1024;

/**
 * @typedef {{ failed: false, exitCode: number } | { failed: true, failure: import('./launch-failure.cjs').LaunchFailure }} LaunchResult
 *   failed: Electron ended before its window was up, neither stopped by us nor quitting cleanly.
 * @typedef {{ done: Promise<LaunchResult>, stop(signal: NodeJS.Signals): void }} Launch
 */

/**
 * The exit code a shell gives a process that ended this way (128 + the signal's number).
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 */
function exitCodeOf(code, signal) {
  return code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1);
}

/**
 * @param {object} opts
 * @param {string} opts.binary Electron's executable.
 * @param {string} opts.appDir The app (package.json "main": out/main/index.js).
 * @param {string[]} opts.args Passed on to Electron after the app.
 * @param {NodeJS.ProcessEnv} opts.env
 * @param {{ env: string, line: string }} opts.windowUp shared/window-up.ts
 * @param {(shown: string) => string} opts.show How a path is shown to the user.
 * @param {NodeJS.WritableStream} [opts.stdout]
 * @param {NodeJS.WritableStream} [opts.stderr]
 * @param {number} [opts.windowTimeoutMs]
 * @returns {Launch}
 */
function launchElectron({ binary, appDir, args, env, windowUp, show, stdout = process.stdout, stderr = process.stderr, windowTimeoutMs = WINDOW_TIMEOUT_MS }) {
  const child = spawn(binary, [appDir, ...args], { cwd: appDir, env: { ...env, [windowUp.env]: '1' }, stdio: ['inherit', 'pipe', 'pipe'] });
  let up = false;
  let seen = '';
  let errTail = '';
  let stopping = false;
  let timedOut = false;
  /** @type {NodeJS.Timeout | undefined} */
  let killTimer;

  const stop = (/** @type {NodeJS.Signals} */ signal) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    killTimer ??= setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
  };
  const windowTimer = setTimeout(() => {
    timedOut = true;
    stop('SIGTERM');
  }, windowTimeoutMs);

  child.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
    stdout.write(chunk);
    if (up) return;
    // Lines can arrive split across chunks: keep the unfinished last line.
    const lines = (seen + chunk.toString('utf8')).split('\n');
    seen = lines.pop() ?? '';
    if (lines.some((l) => l.trim() === windowUp.line)) {
      up = true;
      clearTimeout(windowTimer);
    }
  });
  child.stderr?.on('data', (/** @type {Buffer} */ chunk) => {
    stderr.write(chunk);
    if (!up) errTail = (errTail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });

  /** @type {Promise<LaunchResult>} */
  const done = new Promise((resolve) => {
    /** @type {Error | null} */
    let spawnError = null;
    child.on('error', (err) => {
      spawnError = err;
    });
    child.on('close', (code, signal) => {
      clearTimeout(windowTimer);
      clearTimeout(killTimer);
      if (spawnError) {
        const errCode = /** @type {NodeJS.ErrnoException} */ (spawnError).code ?? 'ERR_OBRA_ELECTRON_EXITED';
        return resolve({ failed: true, failure: { reason: `Electron did not start: ${spawnError.message} (${errCode})`, hint: [] } });
      }
      if (timedOut) {
        const seconds = Math.round(windowTimeoutMs / 1000);
        return resolve({ failed: true, failure: { reason: `Electron showed no window within ${seconds} s and was stopped (ERR_OBRA_ELECTRON_TIMEOUT)`, hint: [] } });
      }
      // A clean exit 0 without a window is Electron quitting on purpose (another Obra is open and took the focus).
      if (up || stopping || (code === 0 && signal === null)) return resolve({ failed: false, exitCode: exitCodeOf(code, signal) });
      const chromeSandbox = show(path.join(path.dirname(binary), 'chrome-sandbox'));
      resolve({ failed: true, failure: launchFailure({ stderr: errTail, exitCode: code, signal, chromeSandbox, binary: show(binary) }) });
    });
  });

  return {
    done,
    stop(signal) {
      stopping = true;
      stop(signal);
    },
  };
}

module.exports = { launchElectron, exitCodeOf };
