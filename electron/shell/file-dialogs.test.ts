import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { langOfLocale } from '../../shared/api';
import { createFileDialogs, type NativeDialogs } from './file-dialogs';
import { lessonFromFiles } from '../../shared/lesson';
import { writeLessonFolder } from '../../tests/fixtures/lesson-folder';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-dialogs-'));
  dirs.push(dir);
  return dir;
}

/** Native dialogs that answer as a reader would: with `answer` (a path), or cancel when it is null. Records what they were asked. */
function dialogsAnswering(answer: string | null) {
  const asked: Array<{ kind: 'save' | 'open'; options: Record<string, unknown> }> = [];
  const dialogs: NativeDialogs = {
    showSaveDialog: async (options) => (asked.push({ kind: 'save', options }), answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer }),
    showOpenDialog: async (options) => (asked.push({ kind: 'open', options }), answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] }),
  };
  return { dialogs, asked };
}

/** A folder this process may not write: a read-only one of ours, or /sys when root (which ignores file modes). */
function unwritableDir(): string {
  if (process.getuid?.() === 0) return '/sys/kernel';
  const dir = tempDir();
  fs.chmodSync(dir, 0o555);
  return dir;
}

describe('saveFile through the native dialog', () => {
  it('writes exactly the bytes sent to the path the reader chose, offering the name and the kind’s file type', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'chosen.png');
    const { dialogs, asked } = dialogsAnswering(target);
    const files = createFileDialogs({ dialogs, lang: () => 'es', startDir: dir });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 7]);
    expect(await files.saveFile([{ suggestedName: 'fork@2x.png', kind: 'png', data: png }])).toBe(target);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(png);
    expect(asked[0].options).toMatchObject({ title: 'Exportar PNG', defaultPath: path.join(dir, 'fork@2x.png'), filters: [{ name: 'Imagen PNG', extensions: ['png'] }] });
    expect(fs.readdirSync(dir)).toEqual(['chosen.png']);
  });

  it('writes text as UTF-8, replacing an old file whole, and next offers the folder it saved in', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'clase.obra.json');
    fs.writeFileSync(target, 'an older, longer recording that must not survive in part');
    const { dialogs, asked } = dialogsAnswering(target);
    const files = createFileDialogs({ dialogs, lang: () => 'en', startDir: os.tmpdir() });
    const text = '{"header":{"obra":1},"events":[],"note":"niño → ✓"}';
    await files.saveFile([{ suggestedName: 'fork.obra.json', kind: 'recording', data: text }]);
    expect(fs.readFileSync(target, 'utf8')).toBe(text);
    await files.saveFile([{ suggestedName: 'again.obra.json', kind: 'recording', data: text }]);
    expect(asked[1].options).toMatchObject({ title: 'Save recording', defaultPath: path.join(dir, 'again.obra.json'), filters: [{ extensions: ['json'] }] });
  });

  it('saving over a file keeps its permissions, and over a symlink keeps the link (the file it points to is replaced)', async () => {
    const dir = tempDir();
    const own = path.join(dir, 'private.obra.json');
    fs.writeFileSync(own, 'old');
    fs.chmodSync(own, 0o600);
    const real = path.join(dir, 'real.svg');
    const link = path.join(dir, 'slides.svg');
    fs.writeFileSync(real, 'old picture');
    fs.symlinkSync(real, link);
    await createFileDialogs({ dialogs: dialogsAnswering(own).dialogs, lang: () => 'en' }).saveFile([{ suggestedName: 'a.obra.json', kind: 'recording', data: '{}' }]);
    expect(fs.readFileSync(own, 'utf8')).toBe('{}');
    expect(fs.statSync(own).mode & 0o777).toBe(0o600);
    await createFileDialogs({ dialogs: dialogsAnswering(link).dialogs, lang: () => 'en' }).saveFile([{ suggestedName: 'b.svg', kind: 'svg', data: '<svg/>' }]);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('<svg/>');
    expect(fs.readdirSync(dir).sort()).toEqual(['private.obra.json', 'real.svg', 'slides.svg']);
  });

  it('saves under the longest name the folder allows (the hidden file it writes first has a name of its own size)', async () => {
    const dir = tempDir();
    const target = path.join(dir, `${'n'.repeat(255 - '.obra.json'.length)}.obra.json`);
    const files = createFileDialogs({ dialogs: dialogsAnswering(target).dialogs, lang: () => 'en' });
    expect(await files.saveFile([{ suggestedName: 'x.obra.json', kind: 'recording', data: '{}' }])).toBe(target);
    expect(fs.readdirSync(dir)).toEqual([path.basename(target)]);
  });

  it('cancelled: resolves null and writes nothing', async () => {
    const dir = tempDir();
    const files = createFileDialogs({ dialogs: dialogsAnswering(null).dialogs, lang: () => 'en', startDir: dir });
    expect(await files.saveFile([{ suggestedName: 'x.svg', kind: 'svg', data: '<svg/>' }])).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a folder it may not write: the caller gets Node’s EACCES, and no partial file stays', async () => {
    const dir = unwritableDir();
    const before = fs.readdirSync(dir);
    const files = createFileDialogs({ dialogs: dialogsAnswering(path.join(dir, 'trace.json')).dialogs, lang: () => 'en' });
    await expect(files.saveFile([{ suggestedName: 'trace.json', kind: 'trace', data: '{}' }])).rejects.toMatchObject({ code: 'EACCES' });
    expect(fs.readdirSync(dir)).toEqual(before);
  });

  it('a folder that is gone: ENOENT reaches the caller', async () => {
    const target = path.join(tempDir(), 'gone', 'clip.webm');
    const files = createFileDialogs({ dialogs: dialogsAnswering(target).dialogs, lang: () => 'en' });
    await expect(files.saveFile([{ suggestedName: 'clip.webm', kind: 'webm', data: new Uint8Array(3) }])).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses too many bytes (ERR_OBRA_TOO_LARGE) and a name with a folder (ERR_OBRA_BAD_REQUEST) before any dialog opens', async () => {
    const dir = tempDir();
    const { dialogs, asked } = dialogsAnswering(path.join(dir, 'x'));
    const files = createFileDialogs({ dialogs, lang: () => 'en', maxBytes: 8 });
    // 'ñ' is two bytes in UTF-8: five characters, ten bytes.
    await expect(files.saveFile([{ suggestedName: 'big.obra.json', kind: 'recording', data: 'ññññö' }])).rejects.toMatchObject({ code: 'ERR_OBRA_TOO_LARGE' });
    await expect(files.saveFile([{ suggestedName: '../../.bashrc', kind: 'recording', data: 'x' }])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
    await expect(files.saveFile([{ suggestedName: '/etc/passwd', kind: 'recording', data: 'x' }])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
    expect(asked).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('openRecording through the native dialog', () => {
  it('gives the chosen file’s name and bytes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fork-2026.obra.json');
    const text = '{"header":{"obra":1,"runId":"r"},"events":[],"sources":[{"path":"boss.js","text":"// año"}]}';
    fs.writeFileSync(file, text);
    const { dialogs, asked } = dialogsAnswering(file);
    const files = createFileDialogs({ dialogs, lang: () => 'en', startDir: dir });
    const opened = await files.openRecording([]);
    expect(opened?.name).toBe('fork-2026.obra.json');
    expect(new TextDecoder().decode(opened?.data)).toBe(text);
    // Its own bytes only, not a view into a larger (shared) buffer that IPC would copy whole.
    expect(opened?.data.buffer.byteLength).toBe(Buffer.byteLength(text));
    expect(asked[0].options).toMatchObject({ title: 'Open recording', defaultPath: dir, properties: ['openFile'], filters: [{ extensions: ['json', 'ndjson'] }] });
  });

  it('cancelled: null; a missing file: ENOENT; a file too big: ERR_OBRA_TOO_LARGE; arguments: refused', async () => {
    const dir = tempDir();
    expect(await createFileDialogs({ dialogs: dialogsAnswering(null).dialogs, lang: () => 'en' }).openRecording([])).toBeNull();
    const missing = createFileDialogs({ dialogs: dialogsAnswering(path.join(dir, 'nope.ndjson')).dialogs, lang: () => 'en' });
    await expect(missing.openRecording([])).rejects.toMatchObject({ code: 'ENOENT' });
    const big = path.join(dir, 'big.ndjson');
    fs.writeFileSync(big, 'x'.repeat(100));
    const small = createFileDialogs({ dialogs: dialogsAnswering(big).dialogs, lang: () => 'en', maxBytes: 99 });
    await expect(small.openRecording([])).rejects.toMatchObject({ code: 'ERR_OBRA_TOO_LARGE', message: /drop the file on the window/ });
    await expect(small.openRecording(['/etc/passwd'])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
  });

  it.skipIf(process.platform === 'win32')('a FIFO or a device is refused with ERR_OBRA_RECORDING, not waited on or read forever', async () => {
    const fifo = path.join(tempDir(), 'lesson.obra.json');
    execFileSync('mkfifo', [fifo]);
    for (const chosen of [fifo, '/dev/zero']) {
      const files = createFileDialogs({ dialogs: dialogsAnswering(chosen).dialogs, lang: () => 'en' });
      await expect(files.openRecording([])).rejects.toMatchObject({ code: 'ERR_OBRA_RECORDING', message: /not a regular file/ });
    }
  });
});

describe('pickScript through the native dialog', () => {
  it('asks in the reader’s language for a Node.js script and gives its path with its text and the scripts beside it; cancelled: null; arguments: refused', async () => {
    const dir = tempDir();
    const script = path.join(dir, 'mine.mjs');
    fs.writeFileSync(script, "import { fork } from 'node:child_process';\n");
    fs.writeFileSync(path.join(dir, 'worker.cjs'), 'process.send(1);\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a script');
    const { dialogs, asked } = dialogsAnswering(script);
    const files = createFileDialogs({ dialogs, lang: () => 'es', startDir: dir });
    expect(await files.pickScript([])).toEqual({
      path: script,
      sources: [
        { path: 'mine.mjs', text: "import { fork } from 'node:child_process';\n" },
        { path: 'worker.cjs', text: 'process.send(1);\n' },
      ],
    });
    expect(asked[0].options).toMatchObject({ title: 'Abrir script', filters: [{ name: 'Scripts de Node.js (.js, .mjs, .cjs)', extensions: ['js', 'mjs', 'cjs'] }] });
    expect(await createFileDialogs({ dialogs: dialogsAnswering(null).dialogs, lang: () => 'en' }).pickScript([])).toBeNull();
    await expect(files.pickScript(['/etc/passwd'])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
    expect(asked).toHaveLength(1);
  });
});

describe('the dialogs’ language', () => {
  it('is Spanish for a Spanish system locale, else English', () => {
    expect(['es', 'es-ES', 'es-419', 'en-US', 'de', ''].map(langOfLocale)).toEqual(['es', 'es', 'es', 'en', 'en', 'en']);
  });

  it('is the page’s when the page gives it (ES chosen on an English system), and a language that is not es/en is refused', async () => {
    const dir = tempDir();
    const { dialogs, asked } = dialogsAnswering(null);
    const files = createFileDialogs({ dialogs, lang: () => 'en', startDir: dir });
    expect(await files.saveFile([{ suggestedName: 'clip.webm', kind: 'webm', data: 'x', lang: 'es' }])).toBeNull();
    expect(await files.openRecording([{ lang: 'es' }])).toBeNull();
    expect(await files.pickScript([{ lang: 'es' }])).toBeNull();
    expect(await files.openRecording([{}])).toBeNull();
    expect(asked.map((a) => a.options.title)).toEqual(['Exportar video', 'Abrir grabación', 'Abrir script', 'Open recording']);
    await expect(files.openRecording([{ lang: 'fr' }])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
    await expect(files.pickScript([{ lang: 'es', path: '/etc' }])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
    await expect(files.saveFile([{ suggestedName: 'a.svg', kind: 'svg', data: 'x', lang: 'de' }])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
    expect(asked).toHaveLength(4);
  });
});

describe('openLesson through the native folder dialog', () => {
  it('asks for a folder in the reader’s language, reads its lesson files, and opens the next save dialog there', async () => {
    const dir = tempDir();
    const folder = writeLessonFolder(dir, 'sumar');
    fs.writeFileSync(path.join(folder, 'notes.md'), 'not part of the lesson');
    const { dialogs, asked } = dialogsAnswering(folder);
    const files = createFileDialogs({ dialogs, lang: () => 'en', startDir: dir });
    const opened = await files.openLesson([{ lang: 'es' }]);
    expect(asked[0].options).toMatchObject({ title: 'Abrir carpeta de lección', properties: ['openDirectory'] });
    expect(opened?.name).toBe('sumar');
    expect(opened?.folder).toBe(folder);
    expect(opened?.files.map((f) => f.path)).toEqual(['lesson.json', 'index.js', 'worker.js', 'narration.json']);
    // The page checks them the one way every lesson is checked.
    expect(lessonFromFiles(opened!.name, opened!.files).steps).toHaveLength(4);
    const saved = dialogsAnswering(null);
    const later = createFileDialogs({ dialogs: { ...saved.dialogs, showOpenDialog: dialogs.showOpenDialog }, lang: () => 'en', startDir: dir });
    await later.openLesson([]);
    expect(await later.saveFile([{ suggestedName: 'narration.json', kind: 'narration', data: '[]' }])).toBeNull();
    expect(saved.asked[0].options).toMatchObject({ title: 'Save narration', defaultPath: path.join(folder, 'narration.json') });
  });

  it('cancelled: null; a folder without lesson.json: ERR_OBRA_BAD_LESSON; a FIFO for narration.json: refused, not waited on', async () => {
    const dir = tempDir();
    expect(await createFileDialogs({ dialogs: dialogsAnswering(null).dialogs, lang: () => 'en' }).openLesson([])).toBeNull();
    await expect(createFileDialogs({ dialogs: dialogsAnswering(dir).dialogs, lang: () => 'en' }).openLesson([])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_LESSON', message: /lesson\.json: missing/ });
    const folder = writeLessonFolder(dir, 'fifo');
    fs.rmSync(path.join(folder, 'narration.json'));
    execFileSync('mkfifo', [path.join(folder, 'narration.json')]);
    await expect(createFileDialogs({ dialogs: dialogsAnswering(folder).dialogs, lang: () => 'en' }).openLesson([])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_LESSON', message: /fifo\/narration\.json: is not a regular file/ });
    await expect(createFileDialogs({ dialogs: dialogsAnswering(folder).dialogs, lang: () => 'en' }).openLesson(['/etc'])).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
  });
});
