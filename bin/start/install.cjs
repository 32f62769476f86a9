// @ts-check
/**
 * Electron's binary, downloaded by Electron's own installer
 * (node_modules/electron/install.js, the `install-electron` command), run
 * unmodified as a child process with the download reporter preloaded: the
 * mirror, cache, proxy and checksum variables are Electron's own. The
 * installer downloads the zip into its cache folder, checks it and unpacks it
 * into node_modules/electron/dist.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { installFailureReason } = require('./install-failure.cjs');

/** A download that sends nothing for this long is stopped. */
const STALL_MS = 60_000;
/** After SIGTERM, this long before SIGKILL. */
const KILL_GRACE_MS = 2_000;
const STDERR_TAIL_BYTES = 64 * 1024;

/**
 * @typedef {import('./electron-package.cjs').ElectronPackage} ElectronPackage
 * @typedef {{ kind: 'request', url: string }
 *   | { kind: 'response', url: string, finalUrl: string, status: number, total: number | null }
 *   | { kind: 'progress' | 'done', url: string, bytes: number, total: number | null }
 *   | { kind: 'failed', url: string, code?: string, message: string }} DownloadReport
 * @typedef {{ ok: true, downloaded: boolean } | { ok: false, reason: string, interrupted?: boolean }} InstallResult
 */

/** @param {string} url */
const isZip = (url) => /\.zip(\?|#|$)/i.test(url);

/**
 * Why this Node cannot run Electron's installer, or null when it can. The
 * installer require()s @electron/get and the zip extractor, which are ES
 * modules: that needs require(esm), unflagged in Node 20.19 and 22.12.
 * @param {{ require_module?: boolean }} features process.features
 * @param {string} version process.version
 */
function installerNodeProblem(features = process.features, version = process.version) {
  if (features.require_module === true) return null;
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const newEnough = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  const why = newEnough
    ? 'require(esm) is turned off in it (--no-experimental-require-module, perhaps in NODE_OPTIONS)'
    : 'its download code is ES modules loaded with require(), which Node has from 20.19 and 22.12 on';
  return `Node ${version} cannot run Electron's installer: ${why}; with Node 20.19+ or 22.12+, run \`npx install-electron --no\` once (or npm start again) and this Node can start Obra afterwards (ERR_OBRA_NODE_VERSION)`;
}

/**
 * The installer's environment: the user's, plus ELECTRON_GET_USE_PROXY when a
 * proxy is set (without it @electron/get ignores HTTPS_PROXY; an explicit
 * ELECTRON_GET_USE_PROXY, even empty, is left as it is), and `scratch` as its
 * temporary folder.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} [scratch]
 */
function installerEnv(env, scratch) {
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  const withProxy = proxy && env.ELECTRON_GET_USE_PROXY === undefined ? { ...env, ELECTRON_GET_USE_PROXY: '1' } : env;
  return scratch ? { ...withProxy, TMPDIR: scratch, TMP: scratch, TEMP: scratch } : withProxy;
}

/**
 * A temporary folder of our own for the installer, in the user's (TMPDIR):
 * @electron/get downloads into a temporary folder that only it removes, so a
 * download stopped half-way (Ctrl-C, a stall) would leave its part behind.
 * @param {NodeJS.ProcessEnv} env
 */
function makeScratch(env) {
  return fs.mkdtempSync(path.join(env.TMPDIR || env.TMP || env.TEMP || os.tmpdir(), 'obra-electron-install-'));
}

/**
 * Runs Electron's installer for `pkg` and says how it went. Never throws.
 * @param {{ pkg: ElectronPackage, env: NodeJS.ProcessEnv, onReport?: (report: DownloadReport) => void, stallMs?: number, signal?: AbortSignal }} opts
 * @returns {Promise<InstallResult>}
 */
function runInstaller({ pkg, env, onReport = () => {}, stallMs = STALL_MS, signal }) {
  return new Promise((resolve) => {
    let scratch;
    try {
      scratch = makeScratch(env);
    } catch (err) {
      const { code, message } = /** @type {NodeJS.ErrnoException} */ (err);
      return resolve({ ok: false, reason: `Electron's installer has no temporary folder to download into: ${message} (${code ?? 'ERR_OBRA_ELECTRON_INSTALL'})` });
    }
    const child = spawn(process.execPath, ['--require', path.join(__dirname, 'download-reporter.cjs'), path.join(pkg.dir, 'install.js')], {
      cwd: pkg.dir,
      env: installerEnv(env, scratch),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);

    /** @type {import('./install-failure.cjs').InstallFailure['failedFetch']} */
    let failedFetch;
    /** @type {import('./install-failure.cjs').InstallFailure['httpError']} */
    let httpError;
    let downloaded = false;
    let inFlight = 0;
    /** @type {string | undefined} */
    let lastUrl;
    let stalled = false;
    let interrupted = false;
    /** @type {NodeJS.Timeout | undefined} */
    let stallTimer;
    /** @type {NodeJS.Timeout | undefined} */
    let killTimer;

    const stop = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    // Armed until the first request and while a download is open: unpacking afterwards may take its time.
    const armStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        stalled = true;
        stop();
      }, stallMs);
    };
    armStall();
    const onAbort = () => {
      interrupted = true;
      stop();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    child.on('message', (/** @type {DownloadReport} */ report) => {
      lastUrl = report.url;
      if (report.kind === 'request') inFlight += 1;
      if (report.kind === 'response' && report.status >= 400) httpError = { url: report.finalUrl || report.url, status: report.status };
      if (report.kind === 'failed') failedFetch = { url: report.url, code: report.code, message: report.message };
      if (report.kind === 'done' && isZip(report.url)) downloaded = true;
      if (report.kind === 'done' || report.kind === 'failed' || (report.kind === 'response' && report.status >= 400)) inFlight -= 1;
      if (inFlight > 0) armStall();
      else clearTimeout(stallTimer);
      onReport(report);
    });

    let spawnError = /** @type {Error | null} */ (null);
    child.on('error', (err) => {
      spawnError = err;
    });
    child.on('close', (exitCode, exitSignal) => {
      fs.rmSync(/** @type {string} */ (scratch), { recursive: true, force: true });
      clearTimeout(stallTimer);
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      if (interrupted) return resolve({ ok: false, reason: 'interrupted', interrupted: true });
      if (spawnError) {
        const code = /** @type {NodeJS.ErrnoException} */ (spawnError).code ?? 'ERR_OBRA_ELECTRON_INSTALL';
        return resolve({ ok: false, reason: `Electron's installer did not start: ${spawnError.message} (${code})` });
      }
      if (exitCode === 0 && !stalled) return resolve({ ok: true, downloaded });
      const stall = stalled ? { ms: stallMs, url: lastUrl } : undefined;
      resolve({ ok: false, reason: installFailureReason({ failedFetch, httpError, stalled: stall, stderr: output, exitCode, signal: exitSignal }) });
    });
  });
}

module.exports = { installerNodeProblem, installerEnv, runInstaller, isZip };
