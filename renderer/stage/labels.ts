/**
 * The stage's text fitting — numbers in the reader's format (es "4.096
 * bytes", en "4,096 bytes", by shared/number-format.ts), codes and commands
 * cut to fit a sign or a line. The words themselves are in
 * renderer/i18n/stageText.ts.
 */
import type { Lang } from '../../shared/api';
import { formatNumber } from '../../shared/number-format';

/** A whole number in the reader's locale: es 50.001, en 50,001. */
export function formatCount(n: number, lang: Lang): string {
  return formatNumber(Math.round(n), lang);
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/**
 * Bytes with their unit: exact below 100,000 ("4.096 B" / "4,096 B"),
 * then binary units with one decimal below 100 ("9,4 MiB" / "9.4 MiB").
 */
export function bytesLabel(bytes: number, lang: Lang): string {
  if (bytes < 100_000) return `${formatCount(bytes, lang)} B`;
  let v = bytes / 1024;
  let unit = 0;
  while (v >= 1024 && unit < UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${formatNumber(v, lang, v < 100 ? 1 : 0)} ${UNITS[unit]}`;
}

/** Percent of one core, rounded: "87 %" in Spanish, "87%" in English. */
export function percentLabel(p: number, lang: Lang): string {
  const n = formatCount(p, lang);
  return lang === 'es' ? `${n} %` : `${n}%`;
}

/** Well-known long codes, shortened so they fit on a sign; the full code stays in the tooltip. */
const SHORT_CODES: Record<string, string> = {
  ERR_CHILD_PROCESS_STDIO_MAXBUFFER: 'MAXBUFFER',
  ERR_IPC_CHANNEL_CLOSED: 'IPC CLOSED',
  ERR_IPC_DISCONNECTED: 'IPC GONE',
  ERR_INVALID_ARG_TYPE: 'ARG TYPE',
  ERR_INVALID_ARG_VALUE: 'ARG VALUE',
  ERR_UNKNOWN_SIGNAL: 'SIGNAL?',
  ABORT_ERR: 'ABORT',
};

/** An error code as it fits on a stop sign (≤ 10 characters). */
export function shortCode(code: string): string {
  const known = SHORT_CODES[code];
  if (known) return known;
  if (code.length <= 10) return code;
  const words = code.replace(/^ERR_(OBRA_)?/, '').split('_');
  // Keep the last words that fit: the end of a Node code names what happened.
  let out = words[words.length - 1];
  for (let i = words.length - 2; i >= 0; i--) {
    const next = `${words[i]} ${out}`;
    if (next.length > 10) break;
    out = next;
  }
  return out.length <= 10 ? out : `${out.slice(0, 9)}…`;
}

/** A command line cut to fit a label, with an ellipsis. */
export function shortText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * A line too long for `max` characters, broken at a space into two lines (the second cut if it
 * must be), so a command is read whole where two lines fit it; null when it fits on one.
 */
export function twoLines(text: string, max: number): [string, string] | null {
  if (text.length <= max) return null;
  const cut = text.lastIndexOf(' ', max);
  if (cut <= 0) return [shortText(text, max), ''];
  return [text.slice(0, cut), shortText(text.slice(cut + 1), max)];
}
