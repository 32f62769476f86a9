/**
 * When npm start takes Electron's binary as downloaded: by the rules of
 * Electron's own installer, read from the files it writes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyElectronPackage, ELECTRON_VERSION, removeTempDirs, tempDir, writeStandInBuild } from '../../tests/fixtures/launcher/stand-in-build';

const require = createRequire(import.meta.url);
const { findElectronPackage, installedBinary, downloadCacheDir, platformBinaryPath, shownPath } = require('./electron-package.cjs') as typeof import('./electron-package.cjs');
afterAll(removeTempDirs);

describe("Electron's binary, as npm start finds it", () => {
  it('is missing until the installer has written dist/ and path.txt', () => {
    const root = tempDir('obra-pkg-');
    copyElectronPackage(root);
    const pkg = findElectronPackage(root)!;
    expect(pkg).toEqual({ dir: path.join(root, 'node_modules', 'electron'), version: ELECTRON_VERSION });
    expect(installedBinary(pkg, {})).toBeNull();

    const binary = writeStandInBuild(pkg.dir);
    expect(installedBinary(pkg, {})).toBe(binary);
  });

  it('is missing when dist/ holds another version of Electron', () => {
    const root = tempDir('obra-pkg-');
    const pkg = copyElectronPackage(root);
    writeStandInBuild(pkg.dir);
    fs.writeFileSync(path.join(pkg.dir, 'dist', 'version'), 'v44.0.0');
    expect(installedBinary(pkg, {})).toBeNull();
  });

  it('is the one in ELECTRON_OVERRIDE_DIST_PATH when that is set, and never downloaded', () => {
    const root = tempDir('obra-pkg-');
    const pkg = copyElectronPackage(root);
    const own = tempDir('obra-own-electron-');
    expect(installedBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: own })).toBeNull();
    fs.writeFileSync(path.join(own, 'electron'), '', { mode: 0o755 });
    expect(installedBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: own })).toBe(path.join(own, 'electron'));
  });

  it('has no package where electron is not installed', () => {
    expect(findElectronPackage(tempDir('obra-empty-'))).toBeNull();
  });

  it("is named per platform as Electron's installer names it; some platforms have none", () => {
    expect(platformBinaryPath({ ELECTRON_INSTALL_PLATFORM: 'darwin' })).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformBinaryPath({ ELECTRON_INSTALL_PLATFORM: 'win32' })).toBe('electron.exe');
    expect(platformBinaryPath({ ELECTRON_INSTALL_PLATFORM: 'aix' })).toBeNull();
  });
});

describe("Electron's download cache", () => {
  it('is electron_config_cache when set, else the per-user cache', () => {
    expect(downloadCacheDir({ electron_config_cache: '/var/cache/electron' })).toBe('/var/cache/electron');
    if (process.platform === 'linux') {
      expect(downloadCacheDir({ XDG_CACHE_HOME: '/srv/cache' })).toBe('/srv/cache/electron');
      expect(downloadCacheDir({})).toBe(path.join(os.homedir(), '.cache', 'electron'));
    }
  });

  it('is shown with ~ for the home folder, and relative inside the project', () => {
    expect(shownPath(path.join(os.homedir(), '.cache', 'electron'), '/srv/obra')).toBe(path.join('~', '.cache', 'electron'));
    expect(shownPath('/srv/obra/node_modules/electron/dist', '/srv/obra')).toBe(path.join('node_modules', 'electron', 'dist'));
  });
});
