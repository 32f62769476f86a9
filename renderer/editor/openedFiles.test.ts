import { describe, expect, it } from 'vitest';
import { MAX_RUN_FILES } from '../../shared/run-files';
import { MAX_OPENED_BYTES, openedScripts } from './openedFiles';

describe("one's own files, opened together", () => {
  it('a folder: its own top folder dropped, node_modules and hidden files left out, the boss first', () => {
    const opened = openedScripts([
      { path: 'proj/lib/w.js', text: 'w' },
      { path: 'proj/boss.js', text: 'b' },
      { path: 'proj/.env', text: 'SECRET=1' },
      { path: 'proj/node_modules/x/index.js', text: 'x' },
      { path: 'proj/data.bin', text: null },
    ]);
    expect(opened).toEqual({
      files: [
        { path: 'boss.js', text: 'b' },
        { path: 'lib/w.js', text: 'w' },
      ],
      entry: 'boss.js',
      skipped: [{ path: 'data.bin', why: 'not-text' }],
    });
  });

  it("the boss is package.json's main, else index.js (or a usual name), else the shallowest script", () => {
    const files = (...paths: string[]) => paths.map((path) => ({ path, text: path === 'package.json' ? '{"main":"./src/start.js"}' : '' }));
    expect(openedScripts(files('a.js', 'src/start.js', 'package.json'))?.entry).toBe('src/start.js');
    expect(openedScripts(files('a.js', 'index.js', 'worker.js'))?.entry).toBe('index.js');
    expect(openedScripts(files('lib/z.js', 'worker.js', 'b.mjs'))?.entry).toBe('b.mjs');
    expect(openedScripts(files('notes.txt'))).toBeNull();
  });

  it('past the limits of one run: the files that do not fit are named, not sent', () => {
    const many = Array.from({ length: MAX_RUN_FILES + 2 }, (_, i) => ({ path: `f${String(i).padStart(3, '0')}.js`, text: '' }));
    expect(openedScripts(many)?.skipped.map((s) => s.why)).toEqual(['too-many', 'too-many']);
    const big = openedScripts([
      { path: 'boss.js', text: 'x'.repeat(MAX_OPENED_BYTES - 10) },
      { path: 'big.json', text: 'ñ'.repeat(10) },
    ]);
    expect(big?.skipped).toEqual([{ path: 'big.json', why: 'too-big' }]);
  });
});
