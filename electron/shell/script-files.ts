/**
 * The files shown when one's own script is opened in the desktop app: the
 * chosen script first, then the other scripts beside it (its folder's top
 * level), so the code panel can show and edit the workers a boss forks before
 * anything runs. The lab reads them again when the run starts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SCRIPT_EXTENSIONS, type DemoSource } from '../../shared/api';

/** Sibling scripts shown at most, and the largest file shown (a bigger one is left out of the panel, not of the run). */
export const SHOWN_SCRIPTS = { files: 32, bytes: 1024 * 1024 };
const SCRIPT = new RegExp(`\\.(${SCRIPT_EXTENSIONS.join('|')})$`, 'i');

export async function readScriptFiles(script: string): Promise<DemoSource[]> {
  const folder = path.dirname(script);
  const boss = path.basename(script);
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const siblings = entries
    .filter((e) => e.isFile() && e.name !== boss && !e.name.startsWith('.') && SCRIPT.test(e.name))
    .map((e) => e.name)
    .sort()
    .slice(0, SHOWN_SCRIPTS.files);
  const shown: DemoSource[] = [];
  for (const name of [boss, ...siblings]) {
    const file = path.join(folder, name);
    const { size } = await fs.stat(file);
    if (size <= SHOWN_SCRIPTS.bytes) shown.push({ path: name, text: await fs.readFile(file, 'utf8') });
  }
  return shown;
}
