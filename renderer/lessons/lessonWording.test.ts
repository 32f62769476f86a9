import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DEMOS = path.resolve(__dirname, '../../assets/demos');
const spanishOf = (file: string): string[] => {
  const out: string[] = [];
  JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')), (key, value: unknown) => {
    if (key === 'es' && typeof value === 'string') out.push(value);
    return value;
  });
  return out;
};
const files = [path.join(DEMOS, 'catalogue.json'), ...fs.readdirSync(DEMOS).map((d) => path.join(DEMOS, d, 'narration.json')).filter((f) => fs.existsSync(f))];

describe('the lessons in Spanish', () => {
  it.each(files.map((f) => [path.relative(DEMOS, f), f]))('%s writes "solo", never "sólo", and no sampling jargon', (_name, file) => {
    for (const text of spanishOf(file)) {
      expect(text).not.toMatch(/sólo/i);
      expect(text).not.toMatch(/sin una sola muestra/);
    }
  });

  it('counts times from one origin: a time counted from elsewhere than the start says from what', () => {
    for (const text of spanishOf(path.join(DEMOS, 'event-loop', 'narration.json'))) {
      // "a los N ms" alone is ambiguous when another step counts from the setTimeout call.
      for (const at of text.matchAll(/a los \{(\w+)\} ms(?! del comienzo)/g)) expect.fail(`"${at[0]}" in: ${text}`);
    }
  });
});
