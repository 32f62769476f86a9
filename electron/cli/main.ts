/**
 * The `obra` command (bin/obra.cjs loads the built copy of this file).
 * Every failure ends as one line, `obra: <what> (<CODE>)`, and an exit code
 * (see cli-error.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { HELP, parseCommandLine } from './args';
import { EXIT, toCliError } from './cli-error';
import { listDemos } from './demos';
import { record } from './record';
import { serve } from './serve';

function packageVersion(): string {
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'obra') return pkg.version ?? 'unknown';
    } catch {
      // not here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** Run the command line; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const cmd = parseCommandLine(argv);
    switch (cmd.name) {
      case 'help':
        process.stdout.write(HELP);
        return EXIT.ok;
      case 'version':
        process.stdout.write(`obra ${packageVersion()} (node ${process.version})\n`);
        return EXIT.ok;
      case 'demos':
        return await listDemos(cmd, process.stdout);
      case 'serve':
        return await serve(cmd, process.stdout, process.stderr);
      case 'record':
        return await record(cmd, { stdout: process.stdout, stderr: process.stderr });
    }
  } catch (err) {
    const error = toCliError(err);
    process.stderr.write(error.line() + '\n');
    return error.exitCode;
  }
}
