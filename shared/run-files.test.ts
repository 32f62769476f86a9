import { describe, expect, it } from 'vitest';
import { isRelativeFilePath, MAX_RUN_FILES, runFilesProblem } from './run-files';

describe('the files a run may carry', () => {
  it('takes paths that stay inside the run folder, and nothing that could leave it or name a drive', () => {
    for (const ok of ['boss.js', 'lib/util.js', 'a/b/c/d.mjs', 'plano.txt', 'ñandú.js']) expect(isRelativeFilePath(ok), ok).toBe(true);
    for (const bad of ['', '/etc/passwd', '../x.js', 'a/../../x.js', './x.js', 'a//b.js', 'a/', '.env', 'a\\b.js', 'C:x.js', 'x.js:stream', 'a\0.js', 'x'.repeat(256), Array(17).fill('d').join('/')]) {
      expect(isRelativeFilePath(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(isRelativeFilePath(42)).toBe(false);
  });

  it('refuses a file twice (letter case aside), the boss again, extra fields, and too many files', () => {
    expect(runFilesProblem([{ path: 'w.js', text: '' }], 'boss.js')).toBeNull();
    expect(runFilesProblem([{ path: 'W.js', text: '' }, { path: 'w.js', text: '' }], null)).toMatch(/given twice/);
    expect(runFilesProblem([{ path: 'Boss.js', text: '' }], 'boss.js')).toMatch(/given twice/);
    expect(runFilesProblem([{ path: 'w.js', text: '', mode: 0o777 }], null)).toMatch(/exactly path and text/);
    expect(runFilesProblem([{ path: 'w.js', text: 1 }], null)).toMatch(/must be a string/);
    expect(runFilesProblem([{ path: '../w.js', text: '' }], null)).toMatch(/not a path inside/);
    expect(runFilesProblem('w.js', null)).toMatch(/must be an array/);
    expect(runFilesProblem(Array.from({ length: MAX_RUN_FILES + 1 }, (_, i) => ({ path: `f${i}.js`, text: '' })), null)).toMatch(/at most 256/);
  });
});
