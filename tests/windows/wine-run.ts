/**
 * Running a preparation step (npm pack, tar, wineboot…) to its end, for the
 * Windows tests' cache.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs a command to its exit. Its output goes to a file, not a pipe: Wine's
 * wineserver outlives the command and would hold a pipe open.
 */
export function runToEnd(file: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<void> {
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

/**
 * `dir`, built once: `build` fills a scratch folder beside it, which is moved into place whole
 * with a `ready` file, so a run stopped half-way leaves nothing that looks ready. Returns false
 * when `dir` was ready already.
 */
export async function prepareOnce(dir: string, build: (work: string) => Promise<void>): Promise<boolean> {
  if (fs.existsSync(path.join(dir, 'ready'))) return false;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const work = fs.mkdtempSync(`${dir}.part-`);
  try {
    await build(work);
    fs.writeFileSync(path.join(work, 'ready'), `${new Date().toISOString()}\n`);
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
  return true;
}
