/**
 * Where Obra's own files are, whether the lab runs from source (vitest), from
 * tsc output (out/node/electron/lab), bundled into out/main, or packaged in an
 * asar archive (whose unpacked twin holds what child processes must read: the
 * probe and the demos cannot be loaded by a plain `node` from inside an asar).
 */
import fs from 'node:fs';
import path from 'node:path';

let cachedRoot: string | undefined;

/** The folder of the package.json whose name is "obra", found by walking up from here. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    if (isObraPackage(path.join(dir, 'package.json'))) {
      cachedRoot = outsideAsar(dir);
      return cachedRoot;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Obra's package.json was not found above ${__dirname}`);
    dir = parent;
  }
}

/** The probe every observed Node process loads with `--require`. */
export function probeEntry(): string {
  return path.join(packageRoot(), 'electron', 'probe', 'index.cjs');
}

/** The site keeper, the boss's parent in every run (electron/keeper/site-keeper.cjs). */
export function keeperEntry(): string {
  return path.join(packageRoot(), 'electron', 'keeper', 'site-keeper.cjs');
}

/** The demo scripts and their catalogue.json. */
export function demosDir(): string {
  return path.join(packageRoot(), 'assets', 'demos');
}

function isObraPackage(file: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name === 'obra';
  } catch {
    return false;
  }
}

/** `/x/resources/app.asar/…` → `/x/resources/app.asar.unpacked/…` (files a child process can read). */
export function outsideAsar(p: string): string {
  return p.replace(/([\\/])app\.asar(?=$|[\\/])/, '$1app.asar.unpacked');
}
