// @ts-check
/**
 * Reads Electronegativity's CSV and exits 1 if any finding is MEDIUM or above
 * (or if there is no CSV: the tool did not run, so nothing is proven).
 * Lower findings are listed, not failed.
 */
const fs = require('node:fs');

/** Below MEDIUM. Any other severity (MEDIUM, HIGH, one this script does not know) fails. */
const BELOW_MEDIUM = new Set(['INFORMATIONAL', 'LOW']);

/** RFC 4180-ish: quoted fields may hold commas, quotes ("") and newlines. */
/** @param {string} text @returns {string[][]} */
function parseCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function main() {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    console.error('electronegativity: no report was written (could npx fetch @doyensec/electronegativity?). Failing: nothing was checked.');
    return 1;
  }
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const column = (/** @type {string} */ name) => (header ?? []).findIndex((h) => h.trim().toLowerCase() === name);
  const [issue, severity, where, location, description] = ['issue', 'severity', 'filename', 'location', 'description'].map(column);
  if (issue < 0 || severity < 0) {
    console.error(`electronegativity: unexpected report header: ${JSON.stringify(header)}`);
    return 1;
  }
  const malformed = rows.filter((r) => r.length < header.length);
  if (malformed.length > 0) {
    console.error(`electronegativity: ${malformed.length} unreadable report row(s), e.g. ${JSON.stringify(malformed[0])}. Failing: cannot tell their severity.`);
    return 1;
  }
  const findings = rows.map((r) => ({
    issue: r[issue],
    severity: (r[severity] ?? '').trim().toUpperCase(),
    at: `${r[where] ?? '?'}:${r[location] ?? '?'}`,
    description: r[description] ?? '',
  }));
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.issue}  ${f.at}  ${f.description}`);
  const blocking = findings.filter((f) => !BELOW_MEDIUM.has(f.severity));
  console.log(`electronegativity: ${findings.length} finding(s), ${blocking.length} at MEDIUM or above.`);
  return blocking.length > 0 ? 1 : 0;
}

process.exitCode = main();
