import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ART_FILES, artFileText } from '../../../tests/fixtures/art-files';

const DIR = path.resolve(__dirname, '../../../assets/art');
const write = process.env.OBRA_WRITE_ART === '1';

describe('assets/art: the stage artwork as standalone SVG files', () => {
  for (const name of Object.keys(ART_FILES)) {
    it(`${name} is what the stage's components draw`, () => {
      const text = artFileText(name);
      expect(text).toMatch(/^<\?xml[^]*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="[-\d. ]+"/);
      if (write) {
        fs.mkdirSync(DIR, { recursive: true });
        fs.writeFileSync(path.join(DIR, name), text);
      }
      expect(fs.readFileSync(path.join(DIR, name), 'utf8')).toBe(text);
    });
  }
});
