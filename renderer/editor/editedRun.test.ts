/**
 * The store and the real lab together, as the desktop app uses them: a
 * script on disk opened with the scripts beside it, shown before it runs; its
 * worker edited; Run runs the edited worker from a copy of the folder (the
 * file on disk untouched); the files that ran are what a recording keeps; and
 * a worker that does not parse is marked at its line with nothing started.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Lab } from '../../electron/lab/index';
import { createObraStore } from '../store/obraStore';
import { ranSources } from './editsSlice';

const lab = new Lab();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-edited-run-'));
afterAll(async () => {
  await lab.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
});

const BOSS = "const w = require('node:child_process').fork(require('node:path').join(__dirname, 'worker.js'));\nw.on('message', (m) => { console.log('got', m); w.disconnect(); });\n";
const WORKER = "process.send('original');\n";

async function ended(store: ReturnType<typeof createObraStore>['store']): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = store.subscribe((s) => {
      if (s.status === 'ended' || s.status === 'idle') {
        stop();
        resolve();
      }
    });
  });
}

describe('a script on disk, edited', () => {
  it('runs its edited worker from a copy; the file on disk stays; the run keeps the files it ran with', async () => {
    fs.writeFileSync(path.join(dir, 'boss.js'), BOSS);
    fs.writeFileSync(path.join(dir, 'worker.js'), WORKER);
    const { store, dispose } = createObraStore(lab);
    store.getState().openScriptFile(path.join(dir, 'boss.js'), [
      { path: 'boss.js', text: BOSS },
      { path: 'worker.js', text: WORKER },
    ]);
    expect(store.getState().run).toBeNull();
    store.getState().editSource('worker.js', "process.send('editado');\n");
    await store.getState().startRun();
    await ended(store);
    const boss = store.getState().run?.events.find((e) => e.type === 'run-start')?.pid;
    const got = store.getState().run?.events.filter((e) => e.type === 'message' && e.pid === boss && e.dir === 'recv');
    expect(got?.map((e) => (e.type === 'message' ? e.preview : ''))).toEqual(['"editado"']);
    expect(fs.readFileSync(path.join(dir, 'worker.js'), 'utf8')).toBe(WORKER);
    expect(ranSources(store.getState())?.find((s) => s.path === 'worker.js')?.text).toBe("process.send('editado');\n");
    dispose();
  }, 20_000);

  it('a worker edited so that it does not parse: marked at its line, and no run starts', async () => {
    const { store, dispose } = createObraStore(lab);
    store.getState().openScriptFile(path.join(dir, 'boss.js'), [
      { path: 'boss.js', text: BOSS },
      { path: 'worker.js', text: WORKER },
    ]);
    store.getState().editSource('worker.js', "// fine\n\nprocess.send('x';\n");
    await store.getState().startRun();
    expect(store.getState().syntaxError).toMatchObject({ path: 'worker.js', line: 3, message: expect.stringMatching(/missing \) after argument list|Unexpected token/) });
    expect(store.getState().run).toBeNull();
    expect(store.getState().notices.at(-1)?.code).toBe('ERR_OBRA_SYNTAX');
    store.getState().editSource('worker.js', WORKER);
    expect(store.getState().syntaxError).toBeNull();
    dispose();
  });
});
