/**
 * electron/ holds the Electron shell and the plain-Node parts it runs: only the
 * shell (main.ts, preload.ts, shell/) imports Electron; the lab, the probe, the
 * keeper, the CLI and `obra serve` run under plain Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ELECTRON_DIR = path.resolve(__dirname, '..');
const IMPORTS_ELECTRON = /(?:from\s+|require\(\s*|import\(\s*)['"]electron['"]/;

describe('electron/', () => {
  it('imports Electron in its shell only', () => {
    const sources = fs
      .readdirSync(ELECTRON_DIR, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|cjs|js)$/.test(name) && !/\.test\.ts$/.test(name) && !name.split(path.sep).includes('fixtures'));
    const importing = sources.filter((name) => IMPORTS_ELECTRON.test(fs.readFileSync(path.join(ELECTRON_DIR, name), 'utf8')));
    expect(importing.length).toBeGreaterThan(3);
    expect(importing.filter((name) => name !== 'main.ts' && name !== 'preload.ts' && !name.startsWith(`shell${path.sep}`))).toEqual([]);
  });
});
