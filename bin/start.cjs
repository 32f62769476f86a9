#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: Obra in Electron.
 *
 * 1. Electron's binary is downloaded the first time, by Electron's own
 *    installer (bin/start/install.cjs), showing what it fetches and how big.
 * 2. Electron starts on the app; the launch counts once its window is up
 *    (bin/start/launch.cjs). Its exit code is then npm start's.
 * 3. Where Electron cannot be had or dies before its window is up: one line
 *    saying why (and how to fix it, when the user can), then the same app in
 *    the browser shell (bin/start/browser.cjs).
 *
 * Options: --browser (skip Electron), --port N (browser shell); every other
 * argument goes to Electron.
 */
const fs = require('node:fs');
const path = require('node:path');
const { findElectronPackage, installTarget, platformBinaryPath, installedBinary, downloadCacheDir, shownPath } = require('./start/electron-package.cjs');
const { installerNodeProblem, runInstaller } = require('./start/install.cjs');
const { downloadDisplay } = require('./start/download-display.cjs');
const { launchElectron, exitCodeOf } = require('./start/launch.cjs');
const { runBrowser } = require('./start/browser.cjs');

const root = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const env = process.env;
const STOP_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
const log = (/** @type {string} */ line) => console.log(line);
const show = (/** @type {string} */ p) => shownPath(p, process.cwd());

/** @param {string} name */
function optionValue(name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The arguments for Electron: ours (--browser, --port N) taken out. */
function electronArgs() {
  const port = argv.indexOf('--port');
  return argv.filter((a, i) => a !== '--browser' && (port < 0 || (i !== port && i !== port + 1)));
}

/**
 * Runs `work` with SIGINT/SIGTERM/SIGHUP handed to `onSignal` instead of ending this process.
 * @template T
 * @param {(signal: NodeJS.Signals) => void} onSignal
 * @param {() => Promise<T>} work
 */
async function withSignals(onSignal, work) {
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  try {
    return await work();
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  }
}

/**
 * Electron's binary, downloaded now if needed; or why there is none.
 * @returns {Promise<{ binary: string, version: string } | { reason: string } | { exitCode: number }>}
 */
async function electronBinary() {
  const pkg = findElectronPackage(root);
  if (!pkg) return { reason: 'the electron package is not installed; run `npm ci` (ERR_OBRA_ELECTRON_MISSING)' };
  const binary = installedBinary(pkg, env);
  if (binary) return { binary, version: pkg.version };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return { reason: `ELECTRON_OVERRIDE_DIST_PATH is ${env.ELECTRON_OVERRIDE_DIST_PATH}, which has no Electron binary (ERR_OBRA_ELECTRON_MISSING)` };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { reason: "ELECTRON_SKIP_BINARY_DOWNLOAD is set, so Electron's binary is not downloaded (ERR_OBRA_ELECTRON_MISSING)" };
  if (platformBinaryPath(env) === null) return { reason: `Electron publishes no build for ${installTarget(env)} (ERR_OBRA_ELECTRON_PLATFORM)` };
  const nodeProblem = installerNodeProblem();
  if (nodeProblem) return { reason: nodeProblem };

  const dist = show(path.join(pkg.dir, 'dist'));
  log(`obra: Electron ${pkg.version} is not downloaded yet. Electron's installer fetches it now for ${installTarget(env)}, once:`);
  log(`obra: the zip is kept in ${show(downloadCacheDir(env))} and unpacked into ${dist}.`);
  const started = Date.now();
  const aborter = new AbortController();
  /** @type {NodeJS.Signals | null} */
  let stoppedBy = null;
  const result = await withSignals(
    (signal) => {
      stoppedBy = signal;
      aborter.abort();
    },
    () => runInstaller({ pkg, env, onReport: downloadDisplay(process.stdout), signal: aborter.signal }),
  );
  if (!result.ok) return result.interrupted ? { exitCode: exitCodeOf(null, stoppedBy) } : { reason: result.reason };
  const installed = installedBinary(pkg, env);
  if (!installed) return { reason: `Electron's installer ended well but ${dist} has no Electron binary (ERR_OBRA_ELECTRON_INSTALL)` };
  const from = result.downloaded ? '' : ', unpacked from the download cache';
  log(`obra: Electron ${pkg.version} is ready in ${dist}${from} (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  return { binary: installed, version: pkg.version };
}

/**
 * @param {string} reason
 * @param {string[]} [hint] What the user can do about it.
 */
async function openBrowserInstead(reason, hint = []) {
  log(`obra: ${reason}; opening Obra in the browser instead.`);
  for (const line of hint) log(`obra: ${line}`);
  await runBrowser({ root, port: Number(optionValue('--port') ?? 0), log });
}

async function main() {
  const serveDir = path.join(root, 'out', 'node', 'electron', 'serve');
  const built = ['out/main/index.js', 'out/renderer/index.html', 'out/node/electron/serve/index.js', 'out/node/shared/window-up.js'].every((f) => fs.existsSync(path.join(root, f)));
  if (!built) {
    console.error('obra: Obra is not built yet: run `npm run build` first (ERR_OBRA_NOT_BUILT)');
    return process.exit(1);
  }
  if (argv.includes('--browser')) return openBrowserInstead('you asked for the browser with --browser');
  const { hasDisplay } = require(path.join(serveDir, 'open-browser.js'));
  if (!hasDisplay()) return openBrowserInstead('there is no display for a window: DISPLAY and WAYLAND_DISPLAY are unset (ERR_OBRA_NO_DISPLAY)');

  const electron = await electronBinary();
  if ('exitCode' in electron) return process.exit(electron.exitCode);
  if ('reason' in electron) return openBrowserInstead(electron.reason);

  const { WINDOW_UP_ENV, WINDOW_UP_LINE } = require(path.join(root, 'out', 'node', 'shared', 'window-up.js'));
  log(`obra: starting Electron ${electron.version}`);
  const launch = launchElectron({ binary: electron.binary, appDir: root, args: electronArgs(), env, windowUp: { env: WINDOW_UP_ENV, line: WINDOW_UP_LINE }, show });
  const result = await withSignals(launch.stop, () => launch.done);
  if (!result.failed) return process.exit(result.exitCode);
  return openBrowserInstead(result.failure.reason, result.failure.hint);
}

main().catch((err) => {
  console.error(`obra: ${err && err.message ? err.message : String(err)} (${(err && err.code) || 'ERR_OBRA_INTERNAL'})`);
  process.exit(1);
});
