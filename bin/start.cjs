#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: Obra in Electron when Electron's binary is here and can show a
 * window; otherwise one line saying why, and the browser shell instead
 * (`obra serve` + Chromium in app mode when installed, else the printed URL).
 *
 * Never require('electron') here: without its binary that call starts a
 * download (which hangs or fails on our machines). We read the files the
 * electron package writes once it has its binary instead.
 *
 * Options: --browser (skip Electron), --port N (browser shell).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);

/** Where Electron's binary is, or why it cannot be used. */
function findElectron() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !fs.existsSync(pathFile)) return { reason: "its binary was never downloaded: node_modules/electron/path.txt is missing" };
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? path.join(override, relative) : path.join(pkgDir, 'dist', relative);
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    return { reason: `its binary ${path.relative(root, binary)} is missing or not executable` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  if (!fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) return { reason: 'the app is not built (out/main/index.js is missing; run `npm run build`)' };
  return { binary };
}

/** @param {string} name */
function optionValue(name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** @param {string} binary */
function runElectron(binary) {
  const child = spawn(binary, ['.', ...argv.filter((a) => a !== '--browser')], { cwd: root, stdio: 'inherit' });
  child.on('error', (err) => runBrowser(`Electron did not start: ${err.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
}

/** @param {string} reason */
async function runBrowser(reason) {
  console.log(`Electron is not available here (${reason}); opening Obra in the browser instead.`);
  const serveDir = path.join(root, 'out', 'node', 'electron', 'serve');
  if (!fs.existsSync(path.join(serveDir, 'index.js')) || !fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.error('Obra is not built yet: run `npm run build` first.');
    process.exit(1);
  }
  const { startServer, closeOnSignals } = require(path.join(serveDir, 'index.js'));
  const { openInBrowser } = require(path.join(serveDir, 'open-browser.js'));
  const log = (/** @type {string} */ line) => console.log(line);
  const port = Number(optionValue('--port') ?? 0);
  const server = await startServer({ port, log });
  closeOnSignals(server, log);
  console.log(`Obra is at ${server.url}`);
  openInBrowser(server.url, log);
}

const electron = argv.includes('--browser') ? { reason: 'you asked for the browser with --browser' } : findElectron();
if ('binary' in electron && electron.binary) runElectron(electron.binary);
else
  runBrowser(electron.reason ?? 'unknown').catch((err) => {
    console.error(`obra: ${err.message}`);
    process.exit(1);
  });
