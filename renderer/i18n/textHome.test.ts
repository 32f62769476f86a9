/**
 * Interface text lives in renderer/i18n: no table of words by language, and no
 * Spanish-or-English choice written inline, anywhere else in the renderer or
 * the Electron shell. (Language codes in number formats — 'es-ES' — are not words.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
    return entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** A table of one language (`const es: Labels = {`), keyed by language (`es: {`, `es: 'SO'`) or an inline choice (`lang === 'es' ? 'Código…'`): what follows. */
const BY_LANGUAGE = /(?:\b(?:const|let) (?:es|en)(?::\s*\w+)?\s*=\s*|\b(?:es|en):\s*|=== 'e[sn]' \? )([{[]|'[^']*'|"[^"]*"|`[^`]*`)/g;
/** A locale or language code ('es-ES', 'en') or a number's format (`${n} %`) is not a word. */
const NOT_WORDS = /^['"`](e[sn](-[A-Z]{2})?|[^A-Za-zÀ-ÿ]*(\$\{\w+\}[^A-Za-zÀ-ÿ]*)*)['"`]$/;

function hasWordsByLanguage(text: string): boolean {
  return [...text.matchAll(BY_LANGUAGE)].some(([, value]) => !NOT_WORDS.test(value));
}

describe('interface text', () => {
  it('is written in renderer/i18n only', () => {
    const elsewhere = [...sources('renderer'), ...sources('electron/shell'), 'electron/main.ts', 'electron/preload.ts']
      .filter((file) => !file.startsWith('renderer/i18n/'))
      .filter((file) => hasWordsByLanguage(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(elsewhere).toEqual([]);
  });

  it('is told apart from locale codes and number formats by this check', () => {
    expect(hasWordsByLanguage("const OS_BADGE = { es: 'SO', en: 'OS' };")).toBe(true);
    expect(hasWordsByLanguage("const es: StageLabels = {\n  boss: 'jefe',")).toBe(true);
    expect(hasWordsByLanguage('const LABEL: Record<Lang, X> = {\n  es: {')).toBe(true);
    expect(hasWordsByLanguage("aria-label={lang === 'es' ? 'Código y consola' : 'Code and console'}")).toBe(true);
    expect(hasWordsByLanguage("n.toLocaleString(lang === 'es' ? 'es-ES' : 'en-US')")).toBe(false);
    expect(hasWordsByLanguage("const LOCALE = { es: 'es-ES', en: 'en-US' };")).toBe(false);
    expect(hasWordsByLanguage("return lang === 'es' ? `${n} %` : `${n}%`;")).toBe(false);
  });
});
