import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { consoleLines } from './consoleLines';

const out = (t: number, pid: number, preview: string, extra: Partial<LabEvent> = {}): LabEvent =>
  ({ type: 'stdout', t, pid, childId: pid === 1 ? 'boss' : '1:1', bytes: preview.replace(/\\n/g, '\n').length, preview, ...extra }) as LabEvent;

describe('the console', () => {
  it('shows what each process printed by the playhead, a line at a time, in time order', () => {
    const log = [out(10, 1, 'hello\\n'), out(30, 2, 'hola\\nchau\\n'), out(20, 1, 'second\\n'), out(40, 1, 'later\\n')];
    expect(consoleLines(log, 35).map((l) => [l.pid, l.text])).toEqual([
      [1, 'hello'],
      [1, 'second'],
      [2, 'hola'],
      [2, 'chau'],
    ]);
  });

  it('says when a chunk was longer than its preview, and keeps stderr apart', () => {
    const log = [out(10, 2, 'ladrillo 0001', { bytes: 16_384 }), { ...out(20, 2, 'warning\\n'), type: 'stderr' } as LabEvent];
    const [chunk, warning] = consoleLines(log, 100);
    expect(chunk).toMatchObject({ text: 'ladrillo 0001', cut: true, bytes: 16_384 });
    expect(warning).toMatchObject({ stream: 'stderr', text: 'warning', cut: false });
  });

  it('keeps only the newest lines', () => {
    const log = Array.from({ length: 500 }, (_, i) => out(i, 1, `line ${i}\\n`));
    const lines = consoleLines(log, 1_000, 300);
    expect(lines).toHaveLength(300);
    expect(lines[0].text).toBe('line 200');
    expect(lines.at(-1)?.text).toBe('line 499');
  });

  it('gives each line a key that stays with it as the log grows (the panel lays out only new lines)', () => {
    const log = [out(10, 1, 'a\\nb\\n'), out(20, 2, 'c\\n')];
    const before = consoleLines(log, 100, 3);
    log.push(out(30, 1, 'd\\n'));
    const after = consoleLines(log, 100, 3);
    expect(before.map((l) => [l.key, l.text])).toEqual([['0.0', 'a'], ['0.1', 'b'], ['1.0', 'c']]);
    expect(after.map((l) => [l.key, l.text])).toEqual([['0.1', 'b'], ['1.0', 'c'], ['2.0', 'd']]);
  });
});

describe("the console reads a preview's escapes", () => {
  it('keeps JSON the boss printed on one line: an escaped backslash is not a newline', () => {
    // The boss printed: stdout = "hola\nchau\n" (JSON, with backslashes) and a real newline.
    const log = [out(10, 1, 'stdout = \\"hola\\\\nchau\\\\n\\"\\n'.replace(/\\"/g, '"'))];
    expect(consoleLines(log, 100).map((l) => l.text)).toEqual(['stdout = "hola\\nchau\\n"']);
  });
});
