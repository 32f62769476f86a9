/**
 * Electron started by npm start, with a stand-in binary that behaves as the
 * real one does: it says when its window is up, dies at start like Chromium's
 * sandbox abort, quits, or shows nothing.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { WINDOW_UP_ENV, WINDOW_UP_LINE } from '../../shared/window-up';
import { isAlive } from '../../tests/fixtures/proc';
import { cleanEnv, removeTempDirs, tempDir, writeStandInBuild } from '../../tests/fixtures/launcher/stand-in-build';

const require = createRequire(import.meta.url);
const { launchElectron } = require('./launch.cjs') as typeof import('./launch.cjs');
afterAll(removeTempDirs);

interface Record {
  pid: number;
  argv: string[];
  cwd: string;
  windowUpAsked: string | null;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Starts the stand-in as npm start starts Electron, behaving as `behaviour` says. */
function launch(behaviour: string, extra: NodeJS.ProcessEnv = {}, windowTimeoutMs?: number) {
  const dir = tempDir('obra-launch-');
  const binary = writeStandInBuild(path.join(dir, 'node_modules', 'electron'));
  const record = path.join(dir, 'record.json');
  const out = collect();
  const err = collect();
  const env = cleanEnv({ STAND_IN_BEHAVIOUR: behaviour, STAND_IN_RECORD: record, STAND_IN_WINDOW_UP_ENV: WINDOW_UP_ENV, STAND_IN_WINDOW_UP_LINE: WINDOW_UP_LINE, ...extra });
  const started = launchElectron({
    binary,
    appDir: dir,
    args: ['--lang=es'],
    env,
    windowUp: { env: WINDOW_UP_ENV, line: WINDOW_UP_LINE },
    show: (p) => path.relative(dir, p),
    stdout: out.stream,
    stderr: err.stream,
    windowTimeoutMs,
  });
  const recorded = async (): Promise<Record> => {
    await expect.poll(() => fs.existsSync(record), { timeout: 10_000 }).toBe(true);
    return JSON.parse(fs.readFileSync(record, 'utf8')) as Record;
  };
  return { ...started, dir, record, recorded, stdout: out.text, stderr: err.text };
}

describe('Electron started by npm start', () => {
  it('runs the app with the arguments given, asked to say when its window is up, until it is stopped', async () => {
    const run = launch('window');
    const seen = await run.recorded();
    expect(seen).toMatchObject({ argv: [run.dir, '--lang=es'], cwd: run.dir, windowUpAsked: '1' });
    await expect.poll(run.stdout).toContain(WINDOW_UP_LINE);

    run.stop('SIGINT');
    expect(await run.done).toEqual({ failed: false, exitCode: 0 });
    expect(fs.readFileSync(`${run.record}.signals`, 'utf8')).toBe('SIGINT\n');
    expect(isAlive(seen.pid)).toBe(false);
  });

  it("passes on Electron's exit code once the window was up", async () => {
    const run = launch('window', { STAND_IN_EXIT_CODE: '3' });
    expect(await run.done).toEqual({ failed: false, exitCode: 3 });
  });

  it('takes a clean exit without a window as Electron quitting (another Obra has the window)', async () => {
    expect(await launch('quit').done).toEqual({ failed: false, exitCode: 0 });
  });

  it("recognises Chromium's sandbox abort and tells both fixes", async () => {
    const run = launch('sandbox');
    const result = await run.done;
    expect(run.stderr()).toContain('The SUID sandbox helper binary was found, but is not configured correctly');
    if (!result.failed) throw new Error('expected a failed launch');
    expect(result.failure.reason).toBe("Electron stopped before its window was up: Chromium's sandbox cannot start here (SIGTRAP, ERR_OBRA_ELECTRON_SANDBOX)");
    const sandbox = path.join('node_modules', 'electron', 'dist', 'chrome-sandbox');
    expect(result.failure.hint.join('\n')).toContain(`sudo chown root ${sandbox} && sudo chmod 4755 ${sandbox}`);
    expect(result.failure.hint.join('\n')).toContain(`give ${path.join('node_modules', 'electron', 'dist', 'electron')} an AppArmor profile that allows user namespaces`);
  });

  it("recognises Chromium's refusal to run as root with its sandbox", async () => {
    const result = await launch('root').done;
    expect(result.failed && result.failure.reason).toBe(
      'Electron stopped before its window was up: Chromium will not run as root with its sandbox on, and Obra keeps it on (SIGTRAP, ERR_OBRA_ELECTRON_ROOT)',
    );
  });

  it('takes any other end before the window as a failure, with what Electron said', async () => {
    const result = await launch('fail').done;
    expect(result).toEqual({ failed: true, failure: { reason: 'Electron stopped before its window was up (exit code 1; it said: stand-in: cannot start, ERR_OBRA_ELECTRON_EXITED)', hint: [] } });
  });

  it('stops an Electron that shows no window in time, and leaves nothing behind', async () => {
    const run = launch('no-window', {}, 1500);
    const seen = await run.recorded();
    const result = await run.done;
    expect(result).toEqual({ failed: true, failure: { reason: 'Electron showed no window within 2 s and was stopped (ERR_OBRA_ELECTRON_TIMEOUT)', hint: [] } });
    expect(isAlive(seen.pid)).toBe(false);
  });

  it('says when the binary cannot be started at all, with its code', async () => {
    const dir = tempDir('obra-launch-');
    const binary = path.join(dir, 'electron');
    fs.writeFileSync(binary, 'not a program', { mode: 0o644 });
    const started = launchElectron({ binary, appDir: dir, args: [], env: cleanEnv(), windowUp: { env: WINDOW_UP_ENV, line: WINDOW_UP_LINE }, show: (p) => p });
    const result = await started.done;
    expect(result.failed && result.failure.reason).toBe(`Electron did not start: spawn ${binary} EACCES (EACCES)`);
  });
});
