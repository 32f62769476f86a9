/**
 * Edited and uploaded runs: the lab runs a private copy holding every edited
 * or uploaded file, so a boss forks its edited worker; nothing is written
 * where the originals are, and a file that does not parse stops the run
 * before anything starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { syntaxPlaceOf } from '../../shared/syntax-error';
import { Lab } from './index';
import { COPY_LIMITS } from './private-copy';
import { demosDir } from './paths';
import { ofType } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
const temps: string[] = [];
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-edits-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Messages the boss received (previews), in order. */
function bossReceived(log: readonly LabEvent[]): string[] {
  const boss = log.find((e) => e.type === 'run-start')?.pid;
  return ofType(log, 'message')
    .filter((m) => m.to === boss && m.pid === boss)
    .map((m) => m.preview);
}

const FORKING_BOSS = `const { fork } = require('node:child_process');
const w = fork(require('node:path').join(__dirname, 'worker.js'));
w.on('message', (m) => { console.log('got', JSON.stringify(m)); w.disconnect(); });
`;

describe('an edited demo', () => {
  it("runs from a private copy: the boss forks the edited worker and receives its new message; the demo's files stay as they were", async () => {
    lab = new Lab();
    const folder = path.join(demosDir(), 'fork');
    const original = fs.readFileSync(path.join(folder, 'worker.js'), 'utf8');
    const edited = original.replace("process.send({ type: 'ready', pid: process.pid });", "process.send({ type: 'ready', pid: process.pid, note: 'editado' });");
    expect(edited).not.toBe(original);
    const { runId, header } = await lab.startRun({ demoId: 'fork', files: [{ path: 'worker.js', text: edited }] });
    expect(header.demoId).toBe('fork');
    expect(path.dirname(header.script)).not.toBe(folder);
    expect(fs.readFileSync(path.join(path.dirname(header.script), 'index.js'), 'utf8')).toBe(fs.readFileSync(path.join(folder, 'index.js'), 'utf8'));
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ reason: 'exit', code: 0 });
    expect(bossReceived(lab.log(runId))[0]).toContain('"note":"editado"');
    expect(fs.readFileSync(path.join(folder, 'worker.js'), 'utf8')).toBe(original);
    expect(fs.existsSync(path.dirname(header.script))).toBe(false);
  }, 30_000);

  it('keeps a data file’s permissions in the copy: execfile’s plano.txt still cannot be executed (EACCES)', async () => {
    lab = new Lab();
    const boss = fs.readFileSync(path.join(demosDir(), 'execfile', 'index.js'), 'utf8');
    const { runId } = await lab.startRun({ demoId: 'execfile', files: [{ path: 'index.js', text: `${boss}\n// editado\n` }] });
    await lab.ended(runId);
    const callbacks = ofType(lab.log(runId), 'callback');
    expect(callbacks.map((c) => c.error?.code)).toContain('EACCES');
  }, 30_000);

  it('refuses, before anything runs, a file that does not parse: ERR_OBRA_SYNTAX at its line and column, in Node’s words', async () => {
    lab = new Lab();
    let started = 0;
    lab.subscribe(() => started++);
    const err = await lab.startRun({ demoId: 'fork', files: [{ path: 'worker.js', text: "// ok\nprocess.send({ type: 'ready' );\n" }] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_OBRA_SYNTAX' });
    expect(syntaxPlaceOf(err)).toEqual({ path: 'worker.js', line: 2, column: 30, message: expect.stringMatching(/^Unexpected token/) });
    expect(started).toBe(0);
  });

  it('refuses a file that is not one of the demo’s', async () => {
    lab = new Lab();
    await expect(lab.startRun({ demoId: 'fork', files: [{ path: 'extra.js', text: '' }] })).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST', message: /not a file of the demo "fork"/ });
  });
});

describe('an uploaded script with its siblings', () => {
  it('runs with every file beside it, so the boss forks an uploaded worker in a subfolder too', async () => {
    lab = new Lab();
    const boss = FORKING_BOSS.replace("'worker.js'", "'lib', 'worker.js'");
    const { runId, header } = await lab.startRun({
      source: { name: 'boss.js', text: boss },
      files: [{ path: 'lib/worker.js', text: "process.send({ from: 'sibling' });" }],
    });
    expect(path.basename(header.script)).toBe('boss.js');
    await lab.ended(runId);
    expect(bossReceived(lab.log(runId))).toEqual(['{"from":"sibling"}']);
  }, 20_000);

  it('checks every uploaded script before running: a broken sibling refuses the run', async () => {
    lab = new Lab();
    const err = await lab.startRun({ source: { name: 'boss.js', text: FORKING_BOSS }, files: [{ path: 'worker.js', text: 'const = 1;' }] }).catch((e: unknown) => e);
    expect(syntaxPlaceOf(err)).toMatchObject({ path: 'worker.js', line: 1, message: expect.stringMatching(/Unexpected token/) });
  });
});

describe('an edited script on disk', () => {
  it('runs from a copy of its folder (folders linked, files copied) with the edits in place; the folder is not touched', async () => {
    lab = new Lab();
    const folder = tempFolder({ 'boss.js': FORKING_BOSS, 'worker.js': "process.send({ v: require('./lib/v.js') });", 'lib/v.js': "module.exports = 'original';" });
    const edited = "process.send({ v: require('./lib/v.js') + ' editado' });";
    const { runId } = await lab.startRun({ file: path.join(folder, 'boss.js'), files: [{ path: 'worker.js', text: edited }] });
    await lab.ended(runId);
    expect(bossReceived(lab.log(runId))).toEqual(['{"v":"original editado"}']);
    expect(fs.readFileSync(path.join(folder, 'worker.js'), 'utf8')).toBe("process.send({ v: require('./lib/v.js') });");
    expect(fs.readdirSync(folder).sort()).toEqual(['boss.js', 'lib', 'worker.js']);
  }, 20_000);

  it('refuses a folder too big to copy (ERR_OBRA_COPY_LIMIT), and edits below its top level', async () => {
    lab = new Lab();
    const many = Object.fromEntries(Array.from({ length: COPY_LIMITS.files + 1 }, (_, i) => [`f${i}.txt`, '']));
    const folder = tempFolder({ 'boss.js': '', ...many });
    const file = path.join(folder, 'boss.js');
    await expect(lab.startRun({ file, files: [{ path: 'boss.js', text: '// x' }] })).rejects.toMatchObject({ code: 'ERR_OBRA_COPY_LIMIT' });
    await expect(lab.startRun({ file, files: [{ path: 'lib/x.js', text: '' }] })).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
  });
});
