/**
 * electron-builder's layout, checked offline: `--linux dir` with a stand-in
 * Electron (a small file carrying the fuse wire), since the real Electron zip
 * cannot be downloaded here. Proves what the package holds: the bundled app
 * in app.asar, the probe and the demos as real files beside it (child
 * processes must read them), nothing else, and the fuses as configured.
 */
import { listPackage } from '@electron/asar';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** @electron/fuses' wire: sentinel, version 1, length, then one '0'/'1' per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'];

let work: string;
let resources: string;
let asarFiles: string[];
let fuses: Record<string, boolean>;

beforeAll(async () => {
  if (!existsSync(path.join(root, 'out/main/index.js')) || !existsSync(path.join(root, 'out/renderer/index.html'))) {
    await run(bin('electron-vite'), ['build'], { cwd: root });
  }
  work = mkdtempSync(path.join(os.tmpdir(), 'obra-pack-'));
  const standIn = path.join(work, 'electron-dist');
  await run('mkdir', ['-p', standIn]);
  // Every fuse starts at Electron's default (all on but the last two), so the config has to flip them.
  const wire = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from('11111100')]);
  writeFileSync(path.join(standIn, 'electron'), wire, { mode: 0o755 });
  const output = path.join(work, 'dist');
  await run(bin('electron-builder'), ['--linux', 'dir', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`], {
    cwd: root,
    // CI: no interactive prompts, no publishing.
    env: { ...process.env, CI: 'true' },
    timeout: 120_000,
  });
  resources = path.join(output, 'linux-unpacked', 'resources');
  asarFiles = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/'));
  const binary = readFileSync(path.join(output, 'linux-unpacked', 'obra'));
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  fuses = Object.fromEntries(FUSES.map((name, i) => [name, binary[at + 2 + i] === '1'.charCodeAt(0)]));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (linux dir)', () => {
  it('holds the bundled main, preload and renderer in app.asar', () => {
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']) {
      expect(asarFiles, file).toContain(file);
    }
  });

  it('keeps the probe and every demo outside the archive, as real files', () => {
    expect(existsSync(path.join(resources, 'app.asar.unpacked/electron/probe/index.cjs'))).toBe(true);
    const catalogue = path.join(resources, 'app.asar.unpacked/assets/demos/catalogue.json');
    expect(existsSync(catalogue)).toBe(true);
    const demos = JSON.parse(readFileSync(catalogue, 'utf8')) as { id: string; files: string[] }[];
    for (const demo of demos) {
      for (const file of demo.files) expect(existsSync(path.join(resources, 'app.asar.unpacked/assets/demos', demo.id, file)), `${demo.id}/${file}`).toBe(true);
    }
  });

  it("packs koffi (the Windows process table's FFI) and its prebuilt binary for this platform as a real file", () => {
    expect(asarFiles).toContain('/node_modules/koffi/package.json');
    const binary = path.join(resources, `app.asar.unpacked/node_modules/@koromix/koffi-${process.platform}-${process.arch}`);
    expect(existsSync(binary), binary).toBe(true);
  });

  it('ships no sources, tests, source maps or tooling', () => {
    const unwanted = asarFiles.filter((f) => /\.test\.|\.map$|^\/(renderer|shared|tests|bench|docs|scripts)\/|^\/electron\/(lab|serve|shell|cli)\/|\.ts$/.test(f));
    expect(unwanted).toEqual([]);
    const devDeps = ['electron', 'vite', 'react', 'typescript', 'vitest', '@playwright'];
    expect(asarFiles.filter((f) => devDeps.some((d) => f.startsWith(`/node_modules/${d}/`)))).toEqual([]);
  });

  it('turns on only the fuses the lab needs, and hardens the rest', () => {
    expect(fuses).toEqual({
      RunAsNode: true,
      EnableNodeOptionsEnvironmentVariable: true,
      EnableCookieEncryption: true,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });
});
