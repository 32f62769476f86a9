import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlight, tokenize, type Token } from './highlight';

const kinds = (tokens: Token[]) => tokens.filter((t) => t.text.trim() !== '').map((t) => `${t.kind}:${t.text.trim()}`);

describe('highlight', () => {
  it('types keywords, calls, properties, strings, numbers and comments', () => {
    const [line] = highlight("const child = exec('ls -l', { maxBuffer: 1024 }); // lista");
    expect(kinds(line)).toEqual([
      'keyword:const',
      'plain:child',
      'punct:=',
      'function:exec',
      'punct:(',
      "string:'ls -l'",
      'punct:,',
      'punct:{',
      'plain:maxBuffer',
      'punct::',
      'number:1024',
      'punct:});',
      'comment:// lista',
    ]);
    expect(kinds(highlight('child.stdout.on(x)')[0])).toEqual(['plain:child', 'punct:.', 'property:stdout', 'punct:.', 'function:on', 'punct:(', 'plain:x', 'punct:)']);
  });

  it('keeps template literals whole, with their ${…} parts as code, across lines', () => {
    const lines = highlight('console.log(`a ${n + 1} b ${{ x: 1 }.x}\nc`);');
    expect(lines).toHaveLength(2);
    expect(kinds(lines[0])).toContain('string:`a ${');
    expect(kinds(lines[0])).toContain('number:1');
    expect(kinds(lines[0])).toContain('string:} b ${');
    expect(kinds(lines[1])[0]).toBe('string:c`');
  });

  it('tells a regex literal from a division', () => {
    expect(kinds(tokenize("if (/^\\d+$/.test(name)) x = a / b / 2;"))).toContain('regex:/^\\d+$/');
    expect(tokenize('x = a / b / 2').some((t) => t.kind === 'regex')).toBe(false);
    expect(kinds(tokenize("s.split(/[,\\s]+/)"))).toContain('regex:/[,\\s]+/');
  });

  it('block comments span lines; text files stay plain', () => {
    const lines = highlight('/* uno\ndos */ x');
    expect(lines[0]).toEqual([{ kind: 'comment', text: '/* uno' }]);
    expect(lines[1][0]).toEqual({ kind: 'comment', text: 'dos */' });
    expect(highlight('Soy un plano.\nI am a blueprint.', 'plano.txt')).toEqual([[{ kind: 'plain', text: 'Soy un plano.' }], [{ kind: 'plain', text: 'I am a blueprint.' }]]);
  });

  it('loses no character of any demo file: tokens join back into the exact source', () => {
    const demos = path.join(__dirname, '..', '..', 'assets', 'demos');
    for (const id of fs.readdirSync(demos)) {
      const dir = path.join(demos, id);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const lines = highlight(text, file);
        expect(lines.map((l) => l.map((t) => t.text).join('')).join('\n'), `${id}/${file}`).toBe(text);
        expect(lines.flat().some((t) => t.kind === 'keyword')).toBe(true);
      }
    }
  });
});
