// @ts-check
/**
 * What the `electron` package in node_modules has: its version, whether its
 * binary is downloaded, where the binary is, and where Electron's installer
 * keeps its download cache.
 *
 * Never require('electron') here: without its binary that call starts a
 * download. We read the files Electron's install.js writes instead, with its
 * own rules (platform from ELECTRON_INSTALL_PLATFORM, ELECTRON_OVERRIDE_DIST_PATH),
 * so "installed" means here what it means to Electron.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/**
 * @typedef {{ dir: string, version: string }} ElectronPackage
 * @typedef {NodeJS.ProcessEnv} Env
 */

/**
 * The electron package `root` resolves, or null when it is not installed.
 * @param {string} root
 * @returns {ElectronPackage | null}
 */
function findElectronPackage(root) {
  let manifest;
  try {
    manifest = require.resolve('electron/package.json', { paths: [root] });
  } catch {
    return null;
  }
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  return { dir: path.dirname(manifest), version };
}

/**
 * The platform Electron's installer downloads for (its own order of variables).
 * @param {Env} env
 */
function installPlatform(env) {
  return env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
}

/**
 * The platform and arch of the download, as Electron names its zips (linux-x64).
 * @param {Env} env
 */
function installTarget(env) {
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  return `${installPlatform(env)}-${arch}`;
}

/**
 * The binary's path inside dist/, as install.js writes it to path.txt; null
 * where Electron publishes no build.
 * @param {Env} env
 */
function platformBinaryPath(env) {
  switch (installPlatform(env)) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'freebsd':
    case 'openbsd':
    case 'linux':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return null;
  }
}

/**
 * Electron's binary when it is downloaded and matches the package (install.js's
 * isInstalled), else null. ELECTRON_OVERRIDE_DIST_PATH names a binary the user
 * provides: it is used as it is and never downloaded.
 * @param {ElectronPackage} pkg
 * @param {Env} env
 * @returns {string | null}
 */
function installedBinary(pkg, env) {
  const relative = platformBinaryPath(env);
  if (relative === null) return null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative);
    return fs.existsSync(binary) ? binary : null;
  }
  const dist = path.join(pkg.dir, 'dist');
  const read = (/** @type {string} */ file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  if (read(path.join(dist, 'version'))?.trim().replace(/^v/, '') !== pkg.version) return null;
  if (read(path.join(pkg.dir, 'path.txt')) !== relative) return null;
  const binary = path.join(dist, relative);
  return fs.existsSync(binary) ? binary : null;
}

/**
 * Where Electron's installer keeps downloaded zips: electron_config_cache, or
 * the per-user cache folder that @electron/get picks (env-paths' rules).
 * @param {Env} env
 */
function downloadCacheDir(env) {
  if (env.electron_config_cache) return env.electron_config_cache;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

/**
 * `p` for a message: relative to `from` when inside it, ~ for the home folder.
 * @param {string} p
 * @param {string} from
 */
function shownPath(p, from) {
  const relative = path.relative(from, p);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
  const home = os.homedir();
  return p === home || p.startsWith(home + path.sep) ? `~${p.slice(home.length)}` : p;
}

module.exports = { findElectronPackage, installTarget, platformBinaryPath, installedBinary, downloadCacheDir, shownPath };
