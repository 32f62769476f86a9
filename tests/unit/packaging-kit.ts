/**
 * What the packaging tests share: electron-builder run offline against
 * stand-in Electrons (the real zips cannot be downloaded here), and readers
 * for what it makes. Each stand-in is what electron-builder needs of the
 * platform's Electron and no more, and carries the fuse wire with every fuse
 * at Electron's default (all on but the last two), so the config has to flip
 * them:
 * - Linux: a file named `electron`;
 * - Windows: an empty Windows executable with a version resource (made with
 *   resedit, which electron-builder itself uses to edit Obra.exe);
 * - macOS: an Electron.app bundle: Info.plists, helpers, the framework binary
 *   that holds the fuses.
 */
import { getRawHeader, listPackage } from '@electron/asar';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { writeAppIcons } from '../../scripts/app-icons.cjs';

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

/** @electron/fuses' wire: sentinel, version 1, length, then one '0'/'1' per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'];
const defaultFuseWire = () => Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from('11111100')]);

/** The fuses as configured in the packaged binary that holds the wire. */
export function readFuses(file: string): Record<string, boolean> {
  const binary = readFileSync(file);
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  return Object.fromEntries(FUSES.map((name, i) => [name, binary[at + 2 + i] === '1'.charCodeAt(0)]));
}

/** The fuses electron-builder.yml sets: only RunAsNode and NODE_OPTIONS on, for the lab; the rest hardened. */
export const CONFIGURED_FUSES = {
  RunAsNode: true,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: true,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

function write(file: string, bytes: string | Buffer, mode = 0o644): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes, { mode });
}

export function linuxStandIn(dir: string): void {
  write(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\n'), defaultFuseWire()]), 0o755);
}

export function windowsStandIn(dir: string): void {
  const exe = NtExecutable.createEmpty(false, false);
  const resources = NtExecutableResource.from(exe);
  const version = Resource.VersionInfo.createEmpty();
  version.lang = 1033;
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron' });
  version.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  // Data after the image, which resedit keeps when electron-builder rewrites the resources.
  exe.setExtraData(defaultFuseWire());
  write(path.join(dir, 'electron.exe'), Buffer.from(exe.generate()));
}

export function macStandIn(dir: string): void {
  const contents = path.join(dir, 'Electron.app', 'Contents');
  const plist = (entries: Record<string, string>) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict>${Object.entries(entries)
      .map(([k, v]) => `<key>${k}</key><string>${v}</string>`)
      .join('')}</dict></plist>\n`;
  write(path.join(contents, 'Info.plist'), plist({ CFBundleExecutable: 'Electron', CFBundleIdentifier: 'com.github.Electron', CFBundleName: 'Electron', CFBundleIconFile: 'electron.icns', CFBundlePackageType: 'APPL' }));
  write(path.join(contents, 'MacOS', 'Electron'), '#!/bin/sh\n', 0o755);
  write(path.join(contents, 'Resources', 'electron.icns'), '');
  for (const kind of ['', ' (Renderer)', ' (GPU)', ' (Plugin)']) {
    const helper = path.join(contents, 'Frameworks', `Electron Helper${kind}.app`, 'Contents');
    write(path.join(helper, 'Info.plist'), plist({ CFBundleExecutable: `Electron Helper${kind}`, CFBundleIdentifier: 'com.github.Electron.helper', CFBundleName: `Electron Helper${kind}` }));
    write(path.join(helper, 'MacOS', `Electron Helper${kind}`), '#!/bin/sh\n', 0o755);
  }
  write(path.join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), defaultFuseWire());
}

/**
 * A stand-in for fpm, the tool electron-builder makes .deb files with (downloaded at package
 * time): records the command line and the .desktop entry it was given, and writes an empty
 * package where fpm would.
 */
export function fpmStandIn(file: string, record: string): void {
  write(
    file,
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const desktop = args.find((a) => a.endsWith('.desktop') && a.includes('=/usr/share/applications/'));
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args, desktop: desktop ? fs.readFileSync(desktop.split('=')[0], 'utf8') : null }));
fs.writeFileSync(args[args.indexOf('--package') + 1], '');
`,
    0o755,
  );
}

/** Builds out/ if missing, and the icons into `buildResources` (as `npm run package` does into build/). */
export async function prepare(buildResources: string): Promise<void> {
  if (!existsSync(path.join(ROOT, 'out/main/index.js')) || !existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
    await run(bin('electron-vite'), ['build'], { cwd: ROOT });
  }
  await writeAppIcons(buildResources);
}

/** electron-builder with our config, the given stand-in Electron and output folder. */
export async function electronBuilder(args: string[], opts: { electronDist: string; output: string; buildResources: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  await run(bin('electron-builder'), [...args, `-c.electronDist=${opts.electronDist}`, `-c.directories.output=${opts.output}`, `-c.directories.buildResources=${opts.buildResources}`, '--publish', 'never'], {
    cwd: ROOT,
    // CI: no interactive prompts.
    env: { ...process.env, CI: 'true', ...opts.env },
    timeout: 150_000,
  });
}

/** Every path in app.asar, with forward slashes. */
export function asarFiles(resources: string): string[] {
  return listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/'));
}

/** The SHA-256 of app.asar's header: what Electron's asar integrity check compares. */
export function asarHeaderHash(resources: string): string {
  return createHash('sha256').update(getRawHeader(path.join(resources, 'app.asar')).headerString).digest('hex');
}

/** Files a demo needs, from the packaged catalogue: [demo id, file] pairs. */
export function demoFiles(unpacked: string): Array<[string, string]> {
  const demos = JSON.parse(readFileSync(path.join(unpacked, 'assets/demos/catalogue.json'), 'utf8')) as { id: string; files: string[] }[];
  return demos.flatMap((demo) => demo.files.map((file): [string, string] => [demo.id, file]));
}

/** The probe's files as they are in the repository (plain JS, no tests or notes). */
export function probeFiles(): string[] {
  return readdirSync(path.join(ROOT, 'electron/probe')).filter((f) => f.endsWith('.cjs'));
}
