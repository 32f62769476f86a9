/**
 * Electron's real installer (node_modules/electron/install.js, unmodified, in
 * a copy of the package) downloading a stand-in build from a mirror on
 * 127.0.0.1, run the way npm start runs it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closedPort, cutAfter, startMirror, startRefusingProxy, stallsAfter, type Served } from '../../tests/fixtures/launcher/mirror';
import { cleanEnv, copyElectronPackage, mirrorEnv, releaseRoutes, standInZip, SUMS_PATH, removeTempDirs, tempDir, ZIP_NAME, ZIP_PATH } from '../../tests/fixtures/launcher/stand-in-build';

const require = createRequire(import.meta.url);
const { runInstaller, installerNodeProblem, installerEnv } = require('./install.cjs') as typeof import('./install.cjs');
const { installedBinary } = require('./electron-package.cjs') as typeof import('./electron-package.cjs');
type DownloadReport = import('./install.cjs').DownloadReport;
afterAll(removeTempDirs);

const servers: Served[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function mirrorWith(routes: Parameters<typeof startMirror>[0]): Promise<Served> {
  const served = await startMirror(routes);
  servers.push(served);
  return served;
}

/** A fresh electron package and cache; the installer run against `mirror` with `extra` in its environment. */
async function install(mirror: Served, extra: NodeJS.ProcessEnv = {}, stallMs?: number) {
  const root = tempDir('obra-install-');
  const pkg = copyElectronPackage(root);
  const cache = path.join(root, 'cache');
  const reports: DownloadReport[] = [];
  const env = cleanEnv({ ...mirrorEnv(mirror, cache), ...extra });
  const result = await runInstaller({ pkg, env, onReport: (r) => reports.push(r), stallMs });
  return { root, pkg, cache, env, reports, result };
}

describe("Electron's installer, run by npm start", () => {
  it('downloads the zip into its cache, unpacks it into dist and reports the size as it goes', async () => {
    const zip = standInZip();
    const mirror = await mirrorWith(releaseRoutes(zip));
    const { pkg, cache, env, reports, result } = await install(mirror);

    expect(result).toEqual({ ok: true, downloaded: true });
    expect(mirror.requests).toEqual([ZIP_PATH, SUMS_PATH]);
    const zipReports = reports.filter((r) => r.url.endsWith(ZIP_NAME));
    expect(zipReports[0]).toEqual({ kind: 'request', url: `${mirror.url}${ZIP_PATH.slice(1)}` });
    expect(zipReports[1]).toMatchObject({ kind: 'response', status: 200, total: zip.length });
    expect(zipReports.at(-1)).toMatchObject({ kind: 'done', bytes: zip.length, total: zip.length });

    const binary = installedBinary(pkg, env);
    expect(binary).toBe(path.join(pkg.dir, 'dist', 'electron'));
    expect(fs.statSync(binary!).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(path.join(pkg.dir, 'path.txt'), 'utf8')).toBe('electron');
    const cached = fs.readdirSync(cache, { recursive: true }).map(String);
    expect(cached.some((f) => f.endsWith(ZIP_NAME))).toBe(true);
  });

  it('unpacks from its cache without downloading the zip again', async () => {
    const mirror = await mirrorWith(releaseRoutes());
    const first = await install(mirror);
    fs.rmSync(path.join(first.pkg.dir, 'dist'), { recursive: true });
    fs.rmSync(path.join(first.pkg.dir, 'path.txt'));
    mirror.requests.length = 0;

    const again = await runInstaller({ pkg: first.pkg, env: first.env });
    expect(again).toEqual({ ok: true, downloaded: false });
    // Checksums are always fetched fresh; the zip is not.
    expect(mirror.requests).toEqual([SUMS_PATH]);
    expect(installedBinary(first.pkg, first.env)).not.toBeNull();
  });

  it('says which file a mirror does not have (HTTP 404)', async () => {
    const mirror = await mirrorWith({});
    const { result, pkg, env } = await install(mirror);
    expect(result).toEqual({
      ok: false,
      reason: `127.0.0.1:${mirror.port} answered HTTP 404 for ${ZIP_NAME}: there is no such file there (check ELECTRON_MIRROR / ELECTRON_CUSTOM_DIR if you set them) (ERR_OBRA_DOWNLOAD_HTTP)`,
    });
    expect(installedBinary(pkg, env)).toBeNull();
  });

  it('refuses a zip that does not match its checksum, and unpacks nothing', async () => {
    const zip = standInZip();
    const mirror = await mirrorWith({ ...releaseRoutes(zip), [SUMS_PATH]: `${'0'.repeat(64)} *${ZIP_NAME}\n` });
    const { result, pkg } = await install(mirror);
    expect(result).toEqual({ ok: false, reason: `the downloaded ${ZIP_NAME} does not match its checksum (ERR_OBRA_DOWNLOAD_CHECKSUM)` });
    expect(fs.existsSync(path.join(pkg.dir, 'dist'))).toBe(false);
  });

  it('names the refused connection with its code (ECONNREFUSED)', async () => {
    const port = await closedPort();
    const nobody = { url: `http://127.0.0.1:${port}/`, port, requests: [], close: async () => {} };
    const { result } = await install(nobody);
    expect(result).toEqual({ ok: false, reason: `Electron's download was refused by 127.0.0.1:${port} (ECONNREFUSED)` });
  });

  it('names a connection cut in the middle of the zip, and leaves no part of it behind', async () => {
    const zip = standInZip();
    const mirror = await mirrorWith({ ...releaseRoutes(zip), [ZIP_PATH]: cutAfter(zip, 100) });
    const tmp = tempDir('obra-tmp-');
    const { result } = await install(mirror, { TMPDIR: tmp });
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(new RegExp(`^Electron's download from 127\\.0\\.0\\.1:${mirror.port} was cut off \\((UND_ERR_SOCKET|ECONNRESET)\\)$`));
  });

  it('stops a download that stalls, says so, and leaves no part of it behind', async () => {
    const zip = standInZip();
    const mirror = await mirrorWith({ ...releaseRoutes(zip), [ZIP_PATH]: stallsAfter(zip, 100) });
    const tmp = tempDir('obra-tmp-');
    const started = Date.now();
    const { result, reports } = await install(mirror, { TMPDIR: tmp }, 2000);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(result).toEqual({ ok: false, reason: `Electron's download stalled: nothing arrived from 127.0.0.1:${mirror.port} for 2 s (ERR_OBRA_DOWNLOAD_STALLED)` });
    expect(reports.some((r) => r.kind === 'response')).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('goes through the proxy in HTTP_PROXY and says what the proxy answered (407)', async () => {
    const mirror = await mirrorWith(releaseRoutes());
    const proxy = await startRefusingProxy(407);
    servers.push(proxy);
    const { result } = await install(mirror, { HTTP_PROXY: proxy.url });
    expect(proxy.requests.length).toBeGreaterThan(0);
    expect(mirror.requests).toEqual([]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^the proxy refused Electron's download with HTTP 407, it wants a user and password .*\(UND_ERR_\w+\)$/);
  });

  it('says when Electron publishes no build for the platform', async () => {
    const mirror = await mirrorWith(releaseRoutes());
    const { result } = await install(mirror, { ELECTRON_INSTALL_PLATFORM: 'aix' });
    expect(result).toEqual({ ok: false, reason: 'Electron publishes no build for aix (ERR_OBRA_ELECTRON_PLATFORM)' });
    expect(mirror.requests).toEqual([]);
  });

  it('says when the Node in use cannot load the installer (require(esm) off)', async () => {
    const mirror = await mirrorWith(releaseRoutes());
    const { result } = await install(mirror, { NODE_OPTIONS: '--no-experimental-require-module' });
    expect(result).toEqual({ ok: false, reason: `this Node (${process.version}) cannot load Electron's installer (ERR_REQUIRE_ESM)` });
  });
});

describe('which Node can run the installer', () => {
  it('is one with require(esm): 20.19+, 22.12+', () => {
    expect(installerNodeProblem({ require_module: true }, 'v20.19.0')).toBeNull();
    expect(installerNodeProblem({}, 'v20.18.3')).toMatch(/^Node v20\.18\.3 cannot run Electron's installer: its download code is ES modules loaded with require\(\), which Node has from 20\.19 and 22\.12 on; .*npx install-electron --no.*\(ERR_OBRA_NODE_VERSION\)$/);
    expect(installerNodeProblem({ require_module: false }, 'v22.11.0')).toMatch(/from 20\.19 and 22\.12 on/);
    expect(installerNodeProblem({ require_module: false }, 'v22.12.0')).toMatch(/require\(esm\) is turned off in it/);
  });

  it('is the one running these tests', () => {
    expect(installerNodeProblem()).toBeNull();
  });
});

describe("the installer's environment", () => {
  it('gives the installer a temporary folder of its own', () => {
    expect(installerEnv({ TMPDIR: '/tmp' }, '/tmp/obra-electron-install-x')).toMatchObject({ TMPDIR: '/tmp/obra-electron-install-x', TMP: '/tmp/obra-electron-install-x', TEMP: '/tmp/obra-electron-install-x' });
  });

  it('turns on proxy support when a proxy is set, and leaves an explicit choice alone', () => {
    expect(installerEnv({ HTTPS_PROXY: 'http://proxy:3128' }).ELECTRON_GET_USE_PROXY).toBe('1');
    expect(installerEnv({ https_proxy: 'http://proxy:3128', ELECTRON_GET_USE_PROXY: '' }).ELECTRON_GET_USE_PROXY).toBe('');
    expect(installerEnv({}).ELECTRON_GET_USE_PROXY).toBeUndefined();
  });
});
