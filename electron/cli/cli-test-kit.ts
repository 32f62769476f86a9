/**
 * For the CLI's tests: build the CLI with tsc when out/ is older than its
 * sources (one build at a time, across test files), and run the real
 * `node bin/obra.cjs …` as a child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'obra.cjs');
export const FIXTURES = path.join(ROOT, 'electron', 'cli', 'fixtures');
const BUILT = path.join(ROOT, 'out', 'node', 'electron', 'cli', 'main.js');
const SOURCE_DIRS = ['shared', 'electron/lab', 'electron/cli', 'electron/serve'];

function newestSource(): number {
  let newest = 0;
  for (const dir of SOURCE_DIRS) {
    const full = path.join(ROOT, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full)) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(path.join(full, name)).mtimeMs);
    }
  }
  return newest;
}

const isFresh = () => fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= newestSource();

/** Build out/node with tsc if the CLI's output is missing or stale. Type errors elsewhere do not stop tsc emitting. */
export function ensureCliBuilt(): void {
  if (isFresh()) return;
  const lock = path.join(ROOT, 'out', '.cli-build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for 2 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!isFresh()) {
      spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], { cwd: ROOT, stdio: 'ignore' });
    }
  } finally {
    fs.rmdirSync(lock);
  }
  if (!fs.existsSync(BUILT)) throw new Error(`tsc did not produce ${BUILT}`);
}

export interface ObraResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run `node bin/obra.cjs …args`; `onStart` gets the child's pid (e.g. to send it SIGINT), `onStdout` its stdout so far. */
export function runObra(
  args: string[],
  opts: { cwd?: string; bin?: string; onStart?: (pid: number) => void; onStdout?: (text: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<ObraResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [opts.bin ?? BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      opts.onStdout?.(stdout);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('spawn', () => opts.onStart?.(child.pid!));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Is a process with this pid still alive (and not a zombie)? */
export { isAlive as alive } from '../../tests/fixtures/proc';
