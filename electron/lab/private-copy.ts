/**
 * The folder an edited or uploaded run starts from, inside the run's own
 * private folder (mode 700, removed when the run ends): a demo's files, or an
 * edited script's folder, copied, with the edited and uploaded files written
 * over them. The boss then forks its edited worker as it would forked the
 * original: every file is where the boss expects it. Nothing is ever written
 * where the originals are.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoSource } from '../../shared/api';
import { SCRIPT_EXTENSIONS } from '../../shared/api';
import { SYNTAX_ERROR, syntaxErrorMessage } from '../../shared/syntax-error';
import { ObraError } from './obra-error';
import { type CheckingNode, firstParseFailure } from './syntax-check';

export interface PrivateCopy {
  /** The folder the copy starts from, and which of its files: these (a demo's), or all of its top level (null: a script's folder). */
  from?: { folder: string; names: readonly string[] | null };
  /** Files written into the copy, over what was copied (relative paths, checked by shared/run-files.ts). */
  write: DemoSource[];
  /** The boss, relative to the copy. */
  entry: string;
}

/** A script folder copied for an edited run holds at most this many top-level files and bytes. */
export const COPY_LIMITS = { files: 256, bytes: 64 * 1024 * 1024 };

const SCRIPT = new RegExp(`\\.(${SCRIPT_EXTENSIONS.join('|')})$`, 'i');

/**
 * Make the copy in `dir` (created 0700), check that every script written into
 * it parses (ERR_OBRA_SYNTAX, naming the file as the request did, before
 * anything runs), and resolve with the boss's absolute path.
 */
export async function makePrivateCopy(dir: string, copy: PrivateCopy, node: CheckingNode): Promise<string> {
  await fs.mkdir(dir, { mode: 0o700 });
  const written = new Set(copy.write.map((f) => f.path));
  if (copy.from) await copyFolder(copy.from.folder, copy.from.names, dir, written);
  for (const file of copy.write) {
    const target = inside(dir, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const mode = copy.from ? await modeOf(inside(copy.from.folder, file.path)) : 0o600;
    await fs.writeFile(target, file.text, { mode, flag: 'wx' });
  }
  const scripts = copy.write.filter((f) => SCRIPT.test(f.path));
  const failed = await firstParseFailure(
    scripts.map((f) => inside(dir, f.path)),
    node,
  );
  if (failed) {
    const named = scripts.find((f) => path.resolve(inside(dir, f.path)) === path.resolve(failed.file))?.path ?? path.basename(failed.file);
    throw new ObraError(SYNTAX_ERROR, syntaxErrorMessage({ path: named, line: failed.line, column: failed.column, message: failed.message }));
  }
  return inside(dir, copy.entry);
}

/** Copy `names` of `folder` (null: its top level: files copied, folders linked) into `dir`, leaving out what will be written. */
async function copyFolder(folder: string, names: readonly string[] | null, dir: string, written: ReadonlySet<string>): Promise<void> {
  if (names) {
    for (const name of names) {
      if (written.has(name)) continue;
      const target = inside(dir, name);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await fs.copyFile(inside(folder, name), target, fs.constants.COPYFILE_EXCL);
    }
    return;
  }
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && !written.has(e.name));
  let bytes = 0;
  for (const file of files) bytes += (await fs.stat(path.join(folder, file.name))).size;
  if (files.length > COPY_LIMITS.files || bytes > COPY_LIMITS.bytes) {
    throw new ObraError(
      'ERR_OBRA_COPY_LIMIT',
      `${folder} holds ${files.length} files (${Math.ceil(bytes / 1024 / 1024)} MiB): an edited run copies at most ${COPY_LIMITS.files} files and ${COPY_LIMITS.bytes / 1024 / 1024} MiB. Run the script unedited (in place), or save the edits in its folder.`,
    );
  }
  for (const file of files) await fs.copyFile(path.join(folder, file.name), path.join(dir, file.name), fs.constants.COPYFILE_EXCL);
  // Folders (node_modules, lib/…) are linked, not copied: read where they are, as the original run would.
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name || written.has(entry.name)) continue;
    await fs.symlink(path.join(folder, entry.name), path.join(dir, entry.name), process.platform === 'win32' ? 'junction' : 'dir');
  }
}

/** The original's permission bits (an executable stays executable, plano.txt stays not), else owner read/write. */
async function modeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).mode & 0o777;
  } catch {
    return 0o600;
  }
}

/** `relative` under `dir`, refused if it would leave it (shared/run-files.ts already refuses such paths). */
function inside(dir: string, relative: string): string {
  const target = path.resolve(dir, ...relative.split('/'));
  if (!target.startsWith(path.resolve(dir) + path.sep)) throw new ObraError('ERR_OBRA_BAD_REQUEST', `${relative} is not inside the run's folder`);
  return target;
}
