/**
 * `npm start` end to end (node bin/start.cjs in a project folder of its own):
 * Electron missing → downloaded by its real installer from a mirror on
 * 127.0.0.1 → the stand-in Electron opens the app; a failed download or an
 * early crash → the reason, the fix, and the browser shell, really serving.
 * Chromium is a stand-in on PATH that records what it was asked to open.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WINDOW_UP_ENV, WINDOW_UP_LINE } from '../shared/window-up';
import { isAlive, ppidOf } from '../tests/fixtures/proc';
import { closedPort, startMirror, stallsAfter, type Served } from '../tests/fixtures/launcher/mirror';
import { cleanEnv, ELECTRON_VERSION, launcherRoot, mirrorEnv, releaseRoutes, removeTempDirs, standInZip, tempDir, writeStandInBuild, ZIP_NAME, ZIP_PATH } from '../tests/fixtures/launcher/stand-in-build';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});
afterAll(removeTempDirs);

interface Started {
  root: string;
  pid: number;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  recordPath: string;
  chromiumArgs: () => string;
  signal(s: NodeJS.Signals): void;
}

/** node bin/start.cjs in `root`, with a display, a stand-in Chromium first on PATH and `extra` in its environment. */
function start(root: string, extra: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Started {
  const fakeBin = tempDir('obra-bin-');
  const chromiumRecord = path.join(fakeBin, 'chromium.args');
  fs.writeFileSync(path.join(fakeBin, 'chromium'), `#!/bin/sh\necho "$@" >> '${chromiumRecord}'\n`, { mode: 0o755 });
  const recordPath = path.join(root, `record-${Date.now()}.json`);
  const env = cleanEnv({
    DISPLAY: ':99',
    WAYLAND_DISPLAY: '',
    PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`,
    STAND_IN_RECORD: recordPath,
    STAND_IN_WINDOW_UP_ENV: WINDOW_UP_ENV,
    STAND_IN_WINDOW_UP_LINE: WINDOW_UP_LINE,
    ...extra,
  });
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin', 'start.cjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return {
    root,
    pid: child.pid!,
    out: () => text,
    exited,
    recordPath,
    chromiumArgs: () => (fs.existsSync(chromiumRecord) ? fs.readFileSync(chromiumRecord, 'utf8') : ''),
    signal: (s) => child.kill(s),
  };
}

async function mirror(routes: Parameters<typeof startMirror>[0]): Promise<Served> {
  const served = await startMirror(routes);
  cleanups.push(() => served.close());
  return served;
}

const recorded = (run: Started) => JSON.parse(fs.readFileSync(run.recordPath, 'utf8')) as { pid: number; argv: string[]; cwd: string };

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => ppidOf(p) === pid);
}

/** The browser shell answered at the printed URL, and the stand-in Chromium was asked to open it. */
async function expectBrowserShell(run: Started): Promise<void> {
  await expect.poll(run.out, { timeout: 20_000 }).toMatch(/Obra is at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/);
  const url = /Obra is at (\S+)/.exec(run.out())![1];
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<html');
  await expect.poll(run.chromiumArgs).toContain(`--app=${url}`);
}

async function expectStopsCleanly(run: Started, signal: NodeJS.Signals, code: number): Promise<void> {
  run.signal(signal);
  expect(await run.exited).toEqual({ code, signal: null });
  expect(isAlive(run.pid)).toBe(false);
}

describe('npm start', () => {
  it('downloads Electron the first time, shows how big it is, then opens the app in it', async () => {
    const zip = standInZip();
    const release = await mirror(releaseRoutes(zip));
    const root = launcherRoot();
    const run = start(root, { ...mirrorEnv(release, path.join(root, 'cache')), STAND_IN_BEHAVIOUR: 'window' });

    await expect.poll(run.out, { timeout: 20_000 }).toContain(WINDOW_UP_LINE);
    const out = run.out();
    expect(out).toContain(`obra: Electron ${ELECTRON_VERSION} is not downloaded yet. Electron's installer fetches it now for ${process.platform}-${process.arch}, once:`);
    expect(out).toContain(`obra: the zip is kept in cache and unpacked into ${path.join('node_modules', 'electron', 'dist')}.`);
    expect(out).toContain(`obra: downloading ${ZIP_NAME} (${zip.length} B) from 127.0.0.1:${release.port}`);
    expect(out).toMatch(new RegExp(`obra: Electron ${ELECTRON_VERSION.replace(/\./g, '\\.')} is ready in node_modules/electron/dist \\(\\d+\\.\\d s\\)\\.`));
    expect(out).not.toContain('browser');
    const electron = recorded(run);
    expect(electron.argv).toEqual([root]);
    expect(electron.cwd).toBe(root);

    await expectStopsCleanly(run, 'SIGINT', 0);
    expect(fs.readFileSync(`${run.recordPath}.signals`, 'utf8')).toBe('SIGINT\n');
    expect(isAlive(electron.pid)).toBe(false);

    // The second time Electron is there: nothing is downloaded.
    release.requests.length = 0;
    const again = start(root, { ...mirrorEnv(release, path.join(root, 'cache')), STAND_IN_BEHAVIOUR: 'window', STAND_IN_EXIT_CODE: '3' });
    expect(await again.exited).toEqual({ code: 3, signal: null });
    expect(again.out()).not.toContain('not downloaded');
    expect(again.out()).toContain(WINDOW_UP_LINE);
    expect(release.requests).toEqual([]);
  });

  it('opens the browser shell when the download fails, saying why in one line', async () => {
    const port = await closedPort();
    const root = launcherRoot();
    const run = start(root, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: path.join(root, 'cache') });

    await expectBrowserShell(run);
    expect(run.out()).toContain(`obra: Electron's download was refused by 127.0.0.1:${port} (ECONNREFUSED); opening Obra in the browser instead.\n`);
    await expectStopsCleanly(run, 'SIGINT', 0);
  });

  it("tells the two fixes for Chromium's sandbox when Electron aborts at start, then opens the browser shell", async () => {
    const root = launcherRoot();
    writeStandInBuild(path.join(root, 'node_modules', 'electron'));
    const run = start(root, { STAND_IN_BEHAVIOUR: 'sandbox' });

    await expectBrowserShell(run);
    const sandbox = 'node_modules/electron/dist/chrome-sandbox';
    expect(run.out()).toContain(
      "obra: Electron stopped before its window was up: Chromium's sandbox cannot start here (SIGTRAP, ERR_OBRA_ELECTRON_SANDBOX); opening Obra in the browser instead.\n",
    );
    expect(run.out()).toContain(`obra:   1. make its sandbox helper setuid root (again after each npm ci): sudo chown root ${sandbox} && sudo chmod 4755 ${sandbox}\n`);
    expect(run.out()).toContain('obra:   2. or give node_modules/electron/dist/electron an AppArmor profile that allows user namespaces');
    expect(isAlive(recorded(run).pid)).toBe(false);
    await expectStopsCleanly(run, 'SIGTERM', 0);
  });

  it('says plainly when this Node cannot run the installer, and opens the browser shell', async () => {
    const release = await mirror(releaseRoutes());
    const root = launcherRoot();
    const run = start(root, mirrorEnv(release, path.join(root, 'cache')), ['--no-experimental-require-module']);

    await expectBrowserShell(run);
    expect(run.out()).toMatch(
      new RegExp(`obra: Node ${process.version.replace(/\./g, '\\.')} cannot run Electron's installer: require\\(esm\\) is turned off in it .*\\(ERR_OBRA_NODE_VERSION\\); opening Obra in the browser instead\\.\\n`),
    );
    expect(release.requests).toEqual([]);
    await expectStopsCleanly(run, 'SIGINT', 0);
  });

  it('stops the installer on Ctrl-C during the download and leaves nothing behind', async () => {
    const zip = standInZip();
    const release = await mirror({ ...releaseRoutes(zip), [ZIP_PATH]: stallsAfter(zip, 64) });
    const root = launcherRoot();
    const tmp = tempDir('obra-tmp-');
    const run = start(root, { ...mirrorEnv(release, path.join(root, 'cache')), TMPDIR: tmp });

    await expect.poll(run.out, { timeout: 20_000 }).toContain(`obra: downloading ${ZIP_NAME}`);
    const installers = childrenOf(run.pid);
    expect(installers).toHaveLength(1);
    expect(fs.readdirSync(tmp)).toHaveLength(1);
    await expectStopsCleanly(run, 'SIGINT', 130);
    expect(installers.filter(isAlive)).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(run.out()).not.toContain('browser');
  });

  it('leaves Electron alone when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async () => {
    const run = start(launcherRoot(), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    await expectBrowserShell(run);
    expect(run.out()).toContain("obra: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so Electron's binary is not downloaded (ERR_OBRA_ELECTRON_MISSING); opening Obra in the browser instead.\n");
    await expectStopsCleanly(run, 'SIGINT', 0);
  });

  it('opens the browser shell where there is no display', async () => {
    const run = start(launcherRoot(), { DISPLAY: '' });
    await expect.poll(run.out, { timeout: 20_000 }).toContain('Obra is at http://127.0.0.1:');
    expect(run.out()).toContain('obra: there is no display for a window: DISPLAY and WAYLAND_DISPLAY are unset (ERR_OBRA_NO_DISPLAY); opening Obra in the browser instead.\n');
    expect(run.chromiumArgs()).toBe('');
    await expectStopsCleanly(run, 'SIGINT', 0);
  });
});
