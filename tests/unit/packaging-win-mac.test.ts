/**
 * The Windows and macOS layouts, checked offline on Linux: electron-builder
 * `--win dir` and `--mac dir` with stand-in Electrons (packaging-kit.ts). The
 * installers themselves (NSIS, dmg) are made from these folders by tools that
 * are downloaded (NSIS) or exist only on macOS (hdiutil), so what is proven
 * here is what they would install: the probe and the demos beside app.asar
 * where electron/lab/paths.ts looks for them, the fuses the lab's
 * ELECTRON_RUN_AS_NODE children need, the icon, the asar integrity the fuses
 * enforce, and on macOS the entitlements the hardened runtime is signed with.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideAsar } from '../../electron/lab/paths';
import { asarHeaderHash, CONFIGURED_FUSES, demoFiles, electronBuilder, macStandIn, prepare, probeFiles, readFuses, ROOT, windowsStandIn } from './packaging-kit';

let work: string;
let icons: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'obra-pack-win-mac-'));
  icons = path.join(work, 'build');
  await prepare(icons);
  windowsStandIn(path.join(work, 'electron-win'));
  macStandIn(path.join(work, 'electron-mac'));
  // One at a time: two cores, and each is a whole packaging run.
  await electronBuilder(['--win', 'dir', '--x64'], { electronDist: path.join(work, 'electron-win'), output: path.join(work, 'dist-win'), buildResources: icons });
  await electronBuilder(['--mac', 'dir', '--arm64'], { electronDist: path.join(work, 'electron-mac'), output: path.join(work, 'dist-mac'), buildResources: icons, env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The probe, the site keeper and every demo file are real files in `resources/app.asar.unpacked`, the folder paths.ts derives from the archive's. */
function expectUnpackedBeside(resources: string): void {
  const unpacked = outsideAsar(path.join(resources, 'app.asar'));
  expect(unpacked).toBe(path.join(resources, 'app.asar.unpacked'));
  for (const file of probeFiles()) expect(existsSync(path.join(unpacked, 'electron/probe', file)), file).toBe(true);
  expect(existsSync(path.join(unpacked, 'electron/keeper/site-keeper.cjs'))).toBe(true);
  for (const [id, file] of demoFiles(unpacked)) expect(existsSync(path.join(unpacked, 'assets/demos', id, file)), `${id}/${file}`).toBe(true);
}

describe('the Windows app (what the NSIS installer installs)', () => {
  const app = () => path.join(work, 'dist-win', 'win-unpacked');
  const exe = () => {
    const executable = NtExecutable.from(readFileSync(path.join(app(), 'Obra.exe')));
    return NtExecutableResource.from(executable).entries;
  };

  it('keeps the probe and every demo beside app.asar in resources\\', () => {
    expectUnpackedBeside(path.join(app(), 'resources'));
  });

  it('turns on only the fuses the lab needs in Obra.exe', () => {
    expect(readFuses(path.join(app(), 'Obra.exe'))).toEqual(CONFIGURED_FUSES);
  });

  it('names Obra.exe Obra and gives it every size of our icon', () => {
    const [version] = Resource.VersionInfo.fromEntries(exe());
    expect(version.getStringValues({ lang: 1033, codepage: 1200 })).toMatchObject({ ProductName: 'Obra', FileDescription: 'Obra' });
    const [group] = Resource.IconGroupEntry.fromEntries(exe());
    expect(group.icons.map((icon) => icon.width || 256)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it("embeds the hash of app.asar's header, which the integrity fuse checks at start", () => {
    const integrity = exe().find((entry) => entry.type === 'INTEGRITY');
    expect(JSON.parse(Buffer.from(integrity!.bin).toString('utf8'))).toEqual([{ file: 'resources\\app.asar', alg: 'SHA256', value: asarHeaderHash(path.join(app(), 'resources')) }]);
  });
});

describe('the macOS app (what the dmg holds)', () => {
  const contents = () => path.join(work, 'dist-mac', 'mac-arm64', 'Obra.app', 'Contents');
  const infoPlist = () => readFileSync(path.join(contents(), 'Info.plist'), 'utf8');

  it('keeps the probe and every demo beside app.asar in Contents/Resources', () => {
    expectUnpackedBeside(path.join(contents(), 'Resources'));
  });

  it('turns on only the fuses the lab needs, in the Electron framework that holds them', () => {
    expect(readFuses(path.join(contents(), 'Frameworks', 'Electron Framework.framework', 'Electron Framework'))).toEqual(CONFIGURED_FUSES);
  });

  it('is Obra with our icon, and records the hash of app.asar for the integrity fuse', () => {
    expect(existsSync(path.join(contents(), 'MacOS', 'Obra'))).toBe(true);
    expect(infoPlist()).toMatch(/<key>CFBundleIconFile<\/key>\s*<string>icon\.icns<\/string>/);
    expect(readFileSync(path.join(contents(), 'Resources', 'icon.icns')).equals(readFileSync(path.join(icons, 'icon.icns')))).toBe(true);
    expect(infoPlist()).toMatch(new RegExp(`<key>Resources/app\\.asar</key>\\s*<dict>\\s*<key>algorithm</key>\\s*<string>SHA256</string>\\s*<key>hash</key>\\s*<string>${asarHeaderHash(path.join(contents(), 'Resources'))}</string>`));
  });

  it('is signed (on a Mac) under the hardened runtime with JIT allowed, for the app and every script it runs as Node', () => {
    const config = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^ {2}hardenedRuntime: true$/m);
    expect(config).toMatch(/^ {2}entitlements: build\/entitlements\.mac\.plist$/m);
    const keys = [...readFileSync(path.join(ROOT, 'build/entitlements.mac.plist'), 'utf8').matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.cs.disable-library-validation']);
  });
});
