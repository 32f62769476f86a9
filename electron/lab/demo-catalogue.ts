/**
 * The demo catalogue: `<demosDir>/catalogue.json` is DemoInfo[]; demo `id`
 * lives in `<demosDir>/<id>/`, its entry (boss) script first in `files`.
 * Read on every call, so an edited catalogue is seen without a restart.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoInfo, DemoSource } from '../../shared/api';
import { ObraError } from './obra-error';

export const DEMO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class DemoCatalogue {
  constructor(readonly dir: string) {}

  async list(): Promise<DemoInfo[]> {
    const file = path.join(this.dir, 'catalogue.json');
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      throw ObraError.from(err);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new ObraError('ERR_OBRA_BAD_CATALOGUE', `${file} is not JSON: ${(err as Error).message}`);
    }
    if (!Array.isArray(data)) throw new ObraError('ERR_OBRA_BAD_CATALOGUE', `${file} must hold an array of demos`);
    return data.map((entry, i) => checkEntry(entry, `${file} [${i}]`));
  }

  async find(id: string): Promise<DemoInfo> {
    if (typeof id !== 'string' || !DEMO_ID.test(id)) {
      throw new ObraError('ERR_OBRA_UNKNOWN_DEMO', `No demo has the id ${JSON.stringify(String(id).slice(0, 80))}`);
    }
    const demo = (await this.list()).find((d) => d.id === id);
    if (!demo) throw new ObraError('ERR_OBRA_UNKNOWN_DEMO', `No demo has the id "${id}"`);
    return demo;
  }

  /** Absolute path of a demo's file (checked to stay inside the demo's folder). */
  fileOf(demo: DemoInfo, relative: string): string {
    const folder = path.join(this.dir, demo.id);
    const file = path.resolve(folder, relative);
    if (!file.startsWith(folder + path.sep)) {
      throw new ObraError('ERR_OBRA_BAD_CATALOGUE', `Demo "${demo.id}" names a file outside its folder: ${relative}`);
    }
    return file;
  }

  async read(id: string): Promise<DemoSource[]> {
    const demo = await this.find(id);
    return Promise.all(
      demo.files.map(async (p) => {
        try {
          return { path: p, text: await fs.readFile(this.fileOf(demo, p), 'utf8') };
        } catch (err) {
          throw ObraError.from(err);
        }
      }),
    );
  }
}

function checkEntry(entry: unknown, where: string): DemoInfo {
  const e = entry as Partial<DemoInfo> | null;
  const ok =
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    DEMO_ID.test(e.id) &&
    typeof e.entry === 'string' &&
    Array.isArray(e.files) &&
    e.files.every((f) => typeof f === 'string') &&
    e.files[0] === e.entry;
  if (!ok) throw new ObraError('ERR_OBRA_BAD_CATALOGUE', `${where}: a demo needs an id, files (strings) and entry = files[0]`);
  return e as DemoInfo;
}
