/**
 * The Linux packages, checked offline: electron-builder `--linux dir deb`
 * with a stand-in Electron and a stand-in fpm (packaging-kit.ts). Proves what
 * the app holds — the bundled app in app.asar, the probe and every demo as
 * real files beside it (child processes must read them), nothing else — the
 * fuses as configured, the icons, and what the .deb is made of: electron-
 * builder's default Depends, the files and where they install.
 */
import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asarFiles, CONFIGURED_FUSES, demoFiles, electronBuilder, fpmStandIn, linuxStandIn, prepare, probeFiles, readFuses, ROOT } from './packaging-kit';

let work: string;
let app: string;
let resources: string;
let packed: string[];
let deb: { args: string[]; desktop: string | null };

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'obra-pack-linux-'));
  const icons = path.join(work, 'build');
  await prepare(icons);
  linuxStandIn(path.join(work, 'electron'));
  fpmStandIn(path.join(work, 'fpm'), path.join(work, 'fpm.json'));
  await electronBuilder(['--linux', 'dir', 'deb', '-c.extraMetadata.homepage=http://127.0.0.1/obra'], {
    electronDist: path.join(work, 'electron'),
    output: path.join(work, 'dist'),
    buildResources: icons,
    // The .deb's control file needs a home page; nothing connects to it.
    env: { CUSTOM_FPM_PATH: path.join(work, 'fpm') },
  });
  app = path.join(work, 'dist', 'linux-unpacked');
  resources = path.join(app, 'resources');
  packed = asarFiles(resources);
  deb = JSON.parse(readFileSync(path.join(work, 'fpm.json'), 'utf8')) as typeof deb;
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (Linux)', () => {
  it('holds the bundled main, preload and renderer in app.asar', () => {
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']) expect(packed, file).toContain(file);
  });

  it('keeps the probe, the site keeper and every demo file outside the archive, as real files', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked');
    for (const file of probeFiles()) expect(existsSync(path.join(unpacked, 'electron/probe', file)), file).toBe(true);
    expect(existsSync(path.join(unpacked, 'electron/keeper/site-keeper.cjs'))).toBe(true);
    const files = demoFiles(unpacked);
    expect(files.length).toBeGreaterThan(9);
    for (const [id, file] of files) expect(existsSync(path.join(unpacked, 'assets/demos', id, file)), `${id}/${file}`).toBe(true);
  });

  it('ships no sources, tests, notes, source maps, tooling or node_modules (but koffi)', () => {
    const unwanted = packed.filter((f) => /\.test\.|\.map$|\.md$|\.ts$|^\/(renderer|shared|tests|bench|docs|scripts|build)\/|^\/node_modules\/(?!koffi(\/|$)|@koromix(\/|$))|^\/electron\/(lab|serve|shell|cli)\//.test(f));
    expect(unwanted).toEqual([]);
  });

  it("packs koffi (the Windows process table's FFI): its loader, and its binary for this platform as a real file", () => {
    for (const file of ['/node_modules/koffi/package.json', '/node_modules/koffi/index.cjs', '/node_modules/koffi/src/koffi/index.cjs']) expect(packed, file).toContain(file);
    expect(packed.filter((f) => f.startsWith('/node_modules/koffi/')).length).toBeLessThan(10);
    const binary = path.join(resources, `app.asar.unpacked/node_modules/@koromix/koffi-${process.platform}-${process.arch}`);
    expect(existsSync(binary), binary).toBe(true);
  });

  it('needs nothing from node_modules: the bundles require only Node and Electron', () => {
    const allowed = new Set([...builtinModules, 'electron']);
    for (const bundle of ['out/main/index.js', 'out/preload/index.js']) {
      const required = [...readFileSync(path.join(ROOT, bundle), 'utf8').matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
      expect(required.length, bundle).toBeGreaterThan(0);
      expect(required.filter((name) => !name.startsWith('node:') && !allowed.has(name) && !name.startsWith('.')), bundle).toEqual([]);
    }
  });

  it('turns on only the fuses the lab needs, and hardens the rest', () => {
    expect(readFuses(path.join(app, 'obra'))).toEqual(CONFIGURED_FUSES);
  });
});

describe('the .deb', () => {
  const option = (name: string) => deb.args.flatMap((a, i) => (a === name ? [deb.args[i + 1]] : []));

  it("depends on electron-builder's defaults, what Electron needs to start", () => {
    expect(option('-d')).toEqual(['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0']);
  });

  it('installs the app in /opt/Obra, with its after-install script (chrome-sandbox, AppArmor)', () => {
    expect(deb.args).toContain(`${app}/=/opt/Obra`);
    expect(option('--after-install')).toHaveLength(1);
    expect(option('--name')).toEqual(['obra']);
  });

  it('installs an icon at every hicolor size, and a desktop entry that names it', () => {
    const icons = deb.args.filter((a) => a.includes('=/usr/share/icons/hicolor/')).map((a) => a.split('=')[1]);
    expect(icons).toEqual([16, 24, 32, 48, 64, 128, 256, 512].map((s) => `/usr/share/icons/hicolor/${s}x${s}/apps/obra.png`));
    expect(deb.args.some((a) => a.endsWith('=/usr/share/applications/obra.desktop'))).toBe(true);
    expect(deb.desktop).toMatch(/^Icon=obra$/m);
    expect(deb.desktop).toMatch(/^StartupWMClass=obra$/m);
    expect(deb.desktop).toMatch(/^Exec=\/opt\/Obra\/obra /m);
  });
});
