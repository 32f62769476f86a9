#!/usr/bin/env node
// @ts-check
// The `obra` command: runs the tsc build of electron/cli (made by `npm run build:node`,
// which the package's `prepare` runs after `npm ci`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'out', 'node', 'electron', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(`obra: not built yet, ${path.relative(process.cwd(), entry) || entry} is missing; run \`npm run build:node\` (ERR_OBRA_NOT_BUILT)\n`);
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then(
    // Exit once stdout and stderr are flushed: a handle left open somewhere must not hang the shell.
    (/** @type {number} */ code) => {
      process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
    },
    (/** @type {unknown} */ err) => {
      process.stderr.write(`obra: ${err instanceof Error ? err.message : String(err)} (ERR_OBRA_INTERNAL)\n`);
      process.exitCode = 1;
    },
  );
