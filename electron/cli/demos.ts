/**
 * `obra demos [--json] [--lang es|en]`: the demo catalogue, as a table or as
 * the catalogue's own JSON array.
 */
import type { Writable } from 'node:stream';
import { Lab } from '../lab/index';
import type { Command } from './args';

export async function listDemos(cmd: Extract<Command, { name: 'demos' }>, stdout: Writable): Promise<number> {
  const lab = new Lab();
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
    stdout.write(`\n${demos.length} demos · obra record <id> runs one\n`);
    return 0;
  } finally {
    await lab.shutdown().catch(() => {});
  }
}
