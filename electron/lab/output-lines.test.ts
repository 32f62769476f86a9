import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { MAX_PIECES, splitLines } from './output-lines';
import { ofType } from '../../tests/fixtures/lab/lab-support';

const text = (pieces: Buffer[]): string[] => pieces.map((p) => p.toString());

describe('splitLines', () => {
  it('cuts a read after each newline, keeps a last line without one, and loses no byte', () => {
    expect(text(splitLines(Buffer.from('a\nbb\nccc')))).toEqual(['a\n', 'bb\n', 'ccc']);
    expect(text(splitLines(Buffer.from('one line\n')))).toEqual(['one line\n']);
    expect(text(splitLines(Buffer.from('no newline')))).toEqual(['no newline']);
    expect(text(splitLines(Buffer.from('\n\n')))).toEqual(['\n', '\n']);
  });

  it('makes at most MAX_PIECES pieces: the rest of the read is the last one', () => {
    const read = Buffer.from(Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join(''));
    const pieces = splitLines(read);
    expect(pieces).toHaveLength(MAX_PIECES);
    expect(Buffer.concat(pieces).equals(read)).toBe(true);
    expect(pieces[MAX_PIECES - 1].toString().startsWith(`line ${MAX_PIECES - 1}\n`)).toBe(true);
  });
});

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe("the boss's lines, read together", () => {
  it('each line printed in one write of 600 bytes is whole in a preview of its own; the bytes add up', async () => {
    lab = new Lab();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-test-'));
    const script = path.join(dir, 'many-lines.js');
    // One write: the lab reads these lines together, whatever the machine's load.
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}: ${'x'.repeat(40)} end ${i}`);
    fs.writeFileSync(script, `process.stdout.write(${JSON.stringify(lines.map((l) => l + '\n').join(''))});\n`);
    const { runId } = await lab.startRun({ file: script });
    await lab.ended(runId);
    fs.rmSync(dir, { recursive: true });
    const out = ofType(lab.log(runId), 'stdout').filter((e) => e.childId === 'boss');
    expect(out.reduce((n, e) => n + e.bytes, 0)).toBe(lines.join('\n').length + 1);
    for (const line of lines) expect(out.map((e) => e.preview)).toContain(`${line}\\n`);
  });
});
