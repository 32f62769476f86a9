import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSyntax, parseFailureOf } from './syntax-check';

describe('node --check, read', () => {
  it('an ES module that does not parse: its file, line, caret column and Node’s message; one that parses: null', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-check-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.mjs'), "import fs from 'node:fs';\nexport const x = fs.readFileSync(;\n");
      fs.writeFileSync(path.join(dir, 'good.mjs'), "import fs from 'node:fs';\nexport const x = fs;\n");
      expect(await checkSyntax(path.join(dir, 'bad.mjs'))).toEqual({ file: path.join(dir, 'bad.mjs'), line: 2, column: 34, message: expect.stringMatching(/Unexpected token/) });
      expect(await checkSyntax(path.join(dir, 'good.mjs'))).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a report from Windows (CR LF, a drive letter) and one without a caret', () => {
    expect(parseFailureOf('C:\\w\\a.mjs:3\r\nlet = 1\r\n    ^\r\n\r\nSyntaxError: Unexpected token \'=\'\r\n')).toEqual({ file: 'C:\\w\\a.mjs', line: 3, column: 5, message: "Unexpected token '='" });
    expect(parseFailureOf('/w/a.js:9\n\nSyntaxError: Unexpected end of input\n')).toEqual({ file: '/w/a.js', line: 9, column: null, message: 'Unexpected end of input' });
    expect(parseFailureOf('Error: Cannot find module')).toBeNull();
  });
});
