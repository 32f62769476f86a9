/**
 * Numbers in the reader's language: the one formatter for every view (the
 * narration, the panels, the stage's labels, the exports). Grouped always —
 * es-ES would otherwise leave 4-digit numbers ungrouped (4096), and a class
 * expects 4.096 — es 4.096,5, en 4,096.5. Pure: no Node or DOM imports.
 */
import type { Lang } from './api';

const LOCALES: Record<Lang, string> = { es: 'es-ES', en: 'en-US' };
const formats = new Map<string, Intl.NumberFormat>();

/** `value` with `decimals` decimals at most, and at least `minDecimals` (by default as many: 1,50 s). */
export function formatNumber(value: number, lang: Lang, decimals = 0, minDecimals = decimals): string {
  const key = `${lang}:${decimals}:${minDecimals}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { useGrouping: 'always', maximumFractionDigits: decimals, minimumFractionDigits: minDecimals });
    formats.set(key, format);
  }
  return format.format(value);
}
