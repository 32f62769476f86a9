/**
 * The main process shows the native dialogs' words, which are written with
 * the rest of the interface's in renderer/i18n: it takes that one file from
 * the renderer, and that file brings nothing with it (type imports only), so
 * main bundles no renderer code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const IMPORT = /^import\s+(type\s+)?[^'"]*?from\s+'([^']+)';/gm;

function importsOf(file: string): Array<{ typeOnly: boolean; target: string }> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map(([, type, spec]) => ({
    typeOnly: type !== undefined,
    target: spec.startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)) : spec,
  }));
}

describe('the main process and the renderer’s words', () => {
  it('takes from renderer/ only the dialogs’ words', () => {
    const electronFiles = fs
      .readdirSync(path.join(ROOT, 'electron'), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.ts$/.test(name) && !/\.test\.ts$/.test(name))
      .map((name) => path.join('electron', name));
    const fromRenderer = new Set(electronFiles.flatMap((file) => importsOf(file).filter((i) => !i.typeOnly && i.target.startsWith('renderer/')).map((i) => i.target)));
    expect([...fromRenderer]).toEqual(['renderer/i18n/dialogText']);
  });

  it('and those words bring no code with them', () => {
    const imports = importsOf('renderer/i18n/dialogText.ts');
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((i) => !i.typeOnly)).toEqual([]);
  });
});
