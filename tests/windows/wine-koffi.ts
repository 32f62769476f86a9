/**
 * koffi's Windows binary for Windows Node under Wine, so the lab run by
 * node.exe opens the real Windows process table (os-sampler-windows.ts).
 *
 * `npm ci` on Linux installs koffi's loader and only its Linux binary. The
 * win32-x64 package that package-lock.json pins (the same version as koffi,
 * checked against the lock's integrity) is taken out of its tarball, as
 * node.exe is (no install script runs), into
 * `<cache>/koffi-win32-x64-<version>/node_modules/@koromix/koffi-win32-x64`.
 * That node_modules folder is given to node.exe as NODE_PATH: koffi's loader
 * does `require('@koromix/koffi-win32-x64')`, which finds it there, while the
 * checkout's own node_modules stay as `npm ci` left them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { prepareOnce, runToEnd } from './wine-run';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = '@koromix/koffi-win32-x64';

interface Locked {
  version: string;
  integrity: string;
}

/** The version and integrity of koffi's win32-x64 package in package-lock.json (koffi's own version). */
export function lockedKoffiWin(): Locked {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Partial<Locked>> };
  const koffi = lock.packages['node_modules/koffi'];
  const win = lock.packages[`node_modules/${PACKAGE}`];
  if (!koffi?.version || !win?.version || !win.integrity) throw new Error(`package-lock.json pins no koffi or ${PACKAGE}`);
  if (win.version !== koffi.version) throw new Error(`package-lock.json pins koffi ${koffi.version} but ${PACKAGE} ${win.version}`);
  return { version: win.version, integrity: win.integrity };
}

/** The node_modules folder holding koffi's win32-x64 binary, prepared now if missing (a few seconds, once). */
export async function prepareKoffiWin(cacheRoot: string, log: (line: string) => void = () => {}): Promise<string> {
  const { version, integrity } = lockedKoffiWin();
  const dir = path.join(cacheRoot, `koffi-win32-x64-${version}`);
  await prepareOnce(dir, async (work) => {
    log(`preparing ${dir}: ${PACKAGE}@${version}`);
    await runToEnd('npm', ['pack', `${PACKAGE}@${version}`, '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: work });
    const [tarball] = fs.readdirSync(work).filter((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${PACKAGE}@${version} left no tarball`);
    const [algorithm, expected] = integrity.split('-', 2);
    const actual = crypto.createHash(algorithm).update(fs.readFileSync(path.join(work, tarball))).digest('base64');
    if (actual !== expected) throw new Error(`${tarball} is not the ${PACKAGE}@${version} package-lock.json pins (${algorithm} ${actual}, not ${expected})`);
    const into = path.join(work, 'node_modules', ...PACKAGE.split('/'));
    fs.mkdirSync(into, { recursive: true });
    await runToEnd('tar', ['-xzf', path.join(work, tarball), '-C', into, '--strip-components=1']);
    if (!fs.existsSync(path.join(into, 'win32_x64', 'koffi.node'))) throw new Error(`${PACKAGE}@${version} holds no win32_x64/koffi.node`);
    fs.rmSync(path.join(work, tarball));
  });
  return path.join(dir, 'node_modules');
}
