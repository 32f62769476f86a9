/**
 * Lesson folders from the command line: `obra record ./my-lesson/` runs the
 * lesson and tells its steps as the run reaches them; `obra demos --dir`
 * lists a folder of lessons; a malformed narration.json is refused before
 * anything runs, naming the file, the step and the field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../shared/recording';
import { LESSON_STEPS, writeLessonFolder } from '../../tests/fixtures/lesson-folder';
import { ROOT, ensureCliBuilt, runObra } from '../../tests/fixtures/cli-kit';

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-lessons-'));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('obra record ./lesson-folder/', () => {
  it('runs the entry in its folder, tells every step as its event happens with its time and this run’s numbers, the question with its answer', async () => {
    const folder = writeLessonFolder(dir);
    const out = path.join(dir, 'sumar.ndjson');
    const result = await runObra(['record', `${folder}/`, '--out', out, '--lang', 'en']);
    expect(result.stderr).not.toMatch(/ERR_/);
    expect(result.code).toBe(0);
    const told = result.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('obra:'));
    // Each step once, as a block: its number, the time of its event, then its text (a question: its choices and answer first).
    const blocks = new Map<number, string[]>();
    let open: string[] = [];
    for (const line of told) {
      const head = /^(\d+)\. /.exec(line);
      if (head) blocks.set(Number(head[1]), (open = [line]));
      else open.push(line);
    }
    expect([...blocks.keys()].sort()).toEqual([1, 2, 3, 4]);
    expect(blocks.get(1)).toEqual([expect.stringMatching(/^1\. \[\d+\.\d\d s\] The boss calls a worker with fork\.$/)]);
    expect(blocks.get(2)).toEqual([
      expect.stringMatching(/^2\. \[\d+\.\d\d s\] \? What does the boss print when the worker’s message arrives\?$/),
      '     A) result: 1000',
      '     B) result: 500500  ✓',
      '     C) Nothing: a worker cannot answer',
      '     The worker summed and answered over IPC: 500,500.',
    ]);
    expect(blocks.get(3)).toEqual([expect.stringMatching(/^3\. \[\d+\.\d\d s\] The worker exits with code 0\.$/)]);
    expect(blocks.get(4)).toEqual([expect.stringMatching(/^4\. \[\d+\.\d\d s\] exec brings 6 bytes at once\.$/)]);
    // Told as they happen: in the order of their events' times.
    const times = told.filter((l) => /^\d+\./.test(l)).map((l) => Number(/\[(\d+\.\d+) s\]/.exec(l)![1]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const { header, events } = readRecording(fs.readFileSync(out, 'utf8'));
    expect(header.script).toBe(path.join(folder, 'index.js'));
    expect(header.cwd).toBe(folder);
    expect(events.filter((e) => e.type === 'call').map((e) => e.type === 'call' && e.api)).toEqual(['fork', 'exec']);
    expect(result.stdout).toMatch(/Recorded lesson .*sumar\/ → .*sumar\.ndjson/);
  }, 60_000);

  it('refuses a malformed narration.json before running anything, naming the file, the step and the field', async () => {
    const steps = structuredClone(LESSON_STEPS) as unknown as Record<string, unknown>[];
    steps[2] = { ...steps[2], on: { type: 'exited' } };
    const folder = writeLessonFolder(dir, 'rota', JSON.stringify(steps));
    const out = path.join(dir, 'rota.ndjson');
    const result = await runObra(['record', folder, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^obra: rota\/narration\.json, step 3, "on\.type": "exited" is not an event type \(.*\) \(ERR_OBRA_BAD_LESSON\)\n$/);
    expect(fs.existsSync(out)).toBe(false);
  }, 30_000);

  it('says what a folder without lesson.json is', async () => {
    const result = await runObra(['record', dir, '--out', path.join(dir, 'x.ndjson')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is a folder without a lesson\.json: not a script, nor a lesson \(EISDIR\)/);
  });
});

describe('obra demos --dir', () => {
  it('lists a folder of lessons, each sub-folder with a lesson.json, by name', async () => {
    const lessons = path.join(dir, 'curso');
    writeLessonFolder(lessons, 'b-sumar');
    writeLessonFolder(lessons, 'a-otra');
    fs.mkdirSync(path.join(lessons, 'notas'));
    const table = await runObra(['demos', '--dir', lessons, '--lang', 'es']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^a-otra +Sumar con un obrero\nb-sumar +Sumar con un obrero\n\n2 lessons · obra record .*curso\/<id>\/ runs one\n$/);
    const json = await runObra(['demos', '--dir', lessons, '--json']);
    expect(JSON.parse(json.stdout).map((d: { id: string }) => d.id)).toEqual(['a-otra', 'b-sumar']);
  });

  it('reads a catalogue.json where there is one: the built-in demos are such a folder', async () => {
    const builtIn = await runObra(['demos', '--json']);
    const asDir = await runObra(['demos', '--json', '--dir', path.join(ROOT, 'assets', 'demos')]);
    expect(asDir.stdout).toBe(builtIn.stdout);
  });

  it('fails on a lesson whose lesson.json is wrong, naming it and the field', async () => {
    const lessons = path.join(dir, 'curso-roto');
    const folder = writeLessonFolder(lessons, 'mal');
    fs.writeFileSync(path.join(folder, 'lesson.json'), JSON.stringify({ title: { es: 'a', en: 'b' }, summary: { es: 'a', en: 'b' }, entry: 'index.txt' }));
    const result = await runObra(['demos', '--dir', lessons]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^obra: mal\/lesson\.json, "entry": must name the boss script .* \(ERR_OBRA_BAD_LESSON\)\n$/);
  });
});
