/**
 * `obra demos [--json] [--lang es|en] [--dir FOLDER]`: the demo catalogue, or
 * a folder of lessons (electron/lab/demo-catalogue.ts reads both), as a table
 * or as the catalogue's own JSON array. A lesson that does not pass its check
 * fails the listing with ERR_OBRA_BAD_LESSON, naming its file and field.
 */
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Lab } from '../lab/index';
import type { Command } from './args';

export async function listDemos(cmd: Extract<Command, { name: 'demos' }>, stdout: Writable): Promise<number> {
  const lab = new Lab(cmd.dir !== null ? { demosDir: path.resolve(cmd.dir) } : {});
  try {
    const demos = await lab.listDemos();
    if (cmd.json) {
      stdout.write(JSON.stringify(demos, null, 2) + '\n');
      return 0;
    }
    const width = Math.max(2, ...demos.map((d) => d.id.length));
    for (const demo of demos) {
      stdout.write(`${demo.id.padEnd(width)}  ${demo.title[cmd.lang] ?? demo.title.en}\n`);
    }
    const how = cmd.dir !== null ? `obra record ${path.join(cmd.dir, '<id>')}${path.sep} runs one` : 'obra record <id> runs one';
    stdout.write(`\n${demos.length} ${cmd.dir !== null ? 'lessons' : 'demos'} · ${how}\n`);
    return 0;
  } finally {
    await lab.shutdown().catch(() => {});
  }
}
