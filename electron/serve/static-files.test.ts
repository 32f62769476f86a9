import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile, safeRelativePath } from './static-files';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'obra-static-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Obra</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('readStaticFile', () => {
  it('serves the page and assets with their MIME types', async () => {
    expect((await readStaticFile(root, '/'))?.mimeType).toBe('text/html; charset=utf-8');
    const script = await readStaticFile(root, '/assets/index-abc.js');
    expect(script?.mimeType).toBe('text/javascript; charset=utf-8');
    expect(script?.body.toString()).toBe('console.log(1)');
  });

  it('never serves anything outside the folder', async () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets%5c..%5c..%5csecret.txt', '/assets/leak.txt', '/%00', '/%E0%A4%A']) {
      expect(await readStaticFile(root, p), p).toBeNull();
    }
  });

  it('lists no directories and invents no files', async () => {
    expect(await readStaticFile(root, '/assets')).toBeNull();
    expect(await readStaticFile(root, '/nope.js')).toBeNull();
  });
});

describe('safeRelativePath', () => {
  it('maps folders to their index.html', () => {
    expect(safeRelativePath('/')).toBe('index.html');
    expect(safeRelativePath('/a/')).toBe('a/index.html');
    expect(safeRelativePath('/a/b.css')).toBe('a/b.css');
  });
});
