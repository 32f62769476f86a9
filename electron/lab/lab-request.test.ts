import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Lab, ObraError } from './index';
import { FIXTURES, fixture, ofType } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

const demos = fixture('demos');

describe('what startRun refuses', () => {
  it("a missing file: Node's own ENOENT and message", async () => {
    lab = new Lab();
    const missing = fixture('no-such-script.js');
    const err = await lab.startRun({ file: missing }).catch((e) => e);
    expect(err).toBeInstanceOf(ObraError);
    expect(err).toMatchObject({ code: 'ENOENT', message: `ENOENT: no such file or directory, stat '${missing}'` });
  });

  it('a directory: EISDIR; a file that is not a script: ERR_OBRA_NOT_A_SCRIPT', async () => {
    lab = new Lab();
    await expect(lab.startRun({ file: FIXTURES })).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(lab.startRun({ file: fixture('notes.txt') })).rejects.toMatchObject({ code: 'ERR_OBRA_NOT_A_SCRIPT' });
  });

  it.each([
    ['nothing to run', {}],
    ['two things to run', { file: 'a.js', demoId: 'hello' }],
    ['an unknown field', { file: 'a.js', shell: true }],
    ['args that are not strings', { file: 'a.js', args: [1] }],
    ['a NUL in a path', { file: 'a\0.js' }],
    ['a negative maxDurationMs', { file: 'a.js', maxDurationMs: -5 }],
    ['a source name that is a path', { source: { name: '../x.js', text: '' } }],
    ['source text that is not a string', { source: { name: 'x.js', text: 42 } }],
    ['too many args', { file: 'a.js', args: Array(300).fill('x') }],
  ])('a request with %s: ERR_OBRA_BAD_REQUEST', async (_what, req) => {
    lab = new Lab();
    await expect(lab.startRun(req as never)).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
  });

  it('an unknown demo: ERR_OBRA_UNKNOWN_DEMO; a missing node binary: ENOENT', async () => {
    lab = new Lab({ demosDir: demos });
    await expect(lab.startRun({ demoId: 'nope' })).rejects.toMatchObject({ code: 'ERR_OBRA_UNKNOWN_DEMO' });
    const noNode = new Lab({ nodePath: '/nonexistent/node' });
    await expect(noNode.startRun({ file: fixture('idle-boss.js') })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('what startRun runs', () => {
  it('a demo by id, in its folder; listDemos and readDemo give the catalogue and the files verbatim', async () => {
    lab = new Lab({ demosDir: demos });
    expect((await lab.listDemos()).map((d) => d.id)).toEqual(['hello']);
    const files = await lab.readDemo('hello');
    expect(files).toEqual([
      { path: 'boss.js', text: fs.readFileSync(`${demos}/hello/boss.js`, 'utf8') },
      { path: 'note.txt', text: 'A demo file read verbatim: tabs\tand ñ.\n' },
    ]);
    const { runId, header } = await lab.startRun({ demoId: 'hello' });
    expect(header).toMatchObject({ obra: 1, demoId: 'hello', script: `${demos}/hello/boss.js`, cwd: `${demos}/hello`, node: process.version });
    await lab.ended(runId);
    const out = ofType(lab.log(runId), 'stdout').map((e) => e.preview).join('');
    expect(out).toBe(`hello from ${demos}/hello\\n`);
  });

  it('uploaded source, written to a private folder that is removed when the run ends', async () => {
    lab = new Lab();
    const text = "console.log(require('node:path').basename(__filename), process.argv.slice(2).join('+'));";
    const { runId, header } = await lab.startRun({ source: { name: 'mine.js', text }, args: ['a b', 'c'] });
    expect(header.argv).toEqual(['a b', 'c']);
    expect((fs.statSync(header.cwd).mode & 0o777).toString(8)).toBe('700');
    expect(fs.readFileSync(header.script, 'utf8')).toBe(text);
    const end = await lab.ended(runId);
    expect(end).toMatchObject({ reason: 'exit', code: 0 });
    expect(ofType(lab.log(runId), 'stdout')[0].preview).toBe('mine.js a b+c\\n');
    expect(fs.existsSync(header.cwd)).toBe(false);
  });

  it('a file on disk: the reply carries its text for the code panel; a demo or an upload carries none', async () => {
    lab = new Lab({ demosDir: demos });
    const file = fixture('idle-boss.js');
    const info = await lab.startRun({ file });
    expect(info.sources).toEqual([{ path: 'idle-boss.js', text: fs.readFileSync(file, 'utf8') }]);
    await lab.stopRun(info.runId);
    const demo = await lab.startRun({ demoId: 'hello' });
    expect(demo.sources).toBeUndefined();
    await lab.ended(demo.runId);
  });
});
