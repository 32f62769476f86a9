// @ts-check
/**
 * Runs Electronegativity 1.10.3 over electron/ through its own API (same
 * options as `electronegativity -i electron -r -e 45.5.0 -v false`) and
 * writes the findings as CSV (same columns as the CLI's `-o x.csv`).
 *
 * Why not the CLI's CSV: 1.10.3 writes the header and the rows with two
 * racing fs.writeFile calls (util/file.js), so the header sometimes
 * overwrites the start of the first finding, or its truncation wipes every
 * finding (a clean-looking report). Measured here: 1 run in 3 corrupted.
 * Run under `npx -p @doyensec/electronegativity@1.10.3`, which puts the
 * package's .bin folder on PATH: that is how the package is found.
 */
const fs = require('node:fs');
const path = require('node:path');

function findPackage() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.resolve(dir, '..', '@doyensec', 'electronegativity');
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new Error('@doyensec/electronegativity is not on PATH: run this through `npx -p @doyensec/electronegativity@1.10.3`');
}

/** @param {string | null | undefined} value */
const quote = (value) => (value == null ? 'N/A' : `"${String(value).replace(/"/g, '""')}"`);

async function main() {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: electronegativity-scan.cjs <input dir> <output.csv>');
  const run = require(findPackage());
  const result = await run({
    input: path.resolve(input),
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: '45.5.0',
    parserPlugins: [],
  });
  if (result.errors?.length) console.error(`electronegativity: ${result.errors.length} file(s) could not be parsed:`, result.errors.map((/** @type {{ file: string }} */ e) => e.file).join(', '));
  const lines = ['issue, severity, confidence, filename, location, sample, description, url'];
  for (const issue of /** @type {any[]} */ (result.issues)) {
    const where = `${issue.location.line}:${issue.location.column}`;
    lines.push([issue.id, quote(issue.severity.name), quote(issue.confidence.name), quote(issue.file), quote(where), quote(issue.sample), quote(issue.description), `https://github.com/doyensec/electronegativity/wiki/${issue.id}`].join(','));
  }
  fs.writeFileSync(output, `${lines.join('\n')}\n`);
}

main().catch((err) => {
  console.error(`electronegativity: ${err.stack ?? err}`);
  process.exit(1);
});
