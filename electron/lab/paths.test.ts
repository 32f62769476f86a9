import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { demosDir, outsideAsar, packageRoot, probeEntry } from './paths';

const repo = path.resolve(__dirname, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-paths-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** paths.ts compiled to CommonJS and placed at `where`, under a package.json named "obra" at `root`; prints packageRoot(). */
function rootSeenFrom(root: string, where: string): string {
  fs.mkdirSync(path.join(root, where), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'obra' }));
  const js = ts.transpileModule(fs.readFileSync(path.join(__dirname, 'paths.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const file = path.join(root, where, 'paths.js');
  fs.writeFileSync(file, js);
  return execFileSync(process.execPath, ['-p', `require(${JSON.stringify(file)}).packageRoot()`], { encoding: 'utf8' }).trim();
}

describe("where Obra's files are", () => {
  it('from source: the repository, its probe and its demos', () => {
    expect(packageRoot()).toBe(repo);
    expect(probeEntry()).toBe(path.join(repo, 'electron/probe/index.cjs'));
    expect(demosDir()).toBe(path.join(repo, 'assets/demos'));
  });

  it('from tsc output and from the bundle, walking past package.json files of other names', () => {
    const root = path.join(scratch, 'pkg');
    fs.mkdirSync(path.join(root, 'out/node'), { recursive: true });
    fs.writeFileSync(path.join(root, 'out/node/package.json'), JSON.stringify({ name: 'not-obra' }));
    expect(rootSeenFrom(root, 'out/node/electron/lab')).toBe(root);
    expect(rootSeenFrom(root, 'out/main')).toBe(root);
  });

  it('inside an asar archive: the unpacked twin, which a plain node can read', () => {
    const asar = path.join(scratch, 'with space', 'resources', 'app.asar');
    expect(rootSeenFrom(asar, 'out/main')).toBe(path.join(scratch, 'with space', 'resources', 'app.asar.unpacked'));
    expect(outsideAsar('/opt/Obra/resources/app.asar/assets/demos')).toBe('/opt/Obra/resources/app.asar.unpacked/assets/demos');
    expect(outsideAsar('/home/me/app.asarx/y')).toBe('/home/me/app.asarx/y');
  });
});
