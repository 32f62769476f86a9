/**
 * The top of an exported picture: the demo's title (or the script's name) and
 * a line of the run's totals and the time window shown.
 */
import type { Lang } from '../../shared/api';
import { formatBytesShort, formatNumber, formatTick } from '../i18n/format';
import type { RunCounters } from '../model/runIndex';
import { unitForStep, US_PER_UNIT } from '../model/timeAxis';
import type { TimeWindow } from '../model/viewport';
import { EXPORT_TEXT } from '../i18n/exportText';
import type { SvgPalette } from './svgTheme';
import { fitText, text } from './xml';

export const TITLE_FONT = 30;
export const SUBTITLE_FONT = 16;

/** The header's markup at the top of a picture `width` wide, and where the content below it may start. */
export function pictureHeader(title: string, subtitle: string, width: number, u: number, palette: SvgPalette): { svg: string; height: number } {
  const pad = 28 * u;
  const titleY = pad + TITLE_FONT * u;
  const subtitleY = titleY + 30 * u;
  return {
    svg:
      text({ x: pad, y: titleY, 'font-size': TITLE_FONT * u, 'font-weight': 700, fill: palette.ink }, fitText(title, width - 2 * pad, TITLE_FONT * u, true)) +
      text({ x: pad, y: subtitleY, 'font-size': SUBTITLE_FONT * u, fill: palette.inkSoft }, fitText(subtitle, width - 2 * pad, SUBTITLE_FONT * u)),
    height: subtitleY + 18 * u,
  };
}

/** "5 processes · 3.0 MiB of output · 12 IPC messages · 0 errors · from 0.00 s to 1.25 s". */
export function runSubtitle(counters: RunCounters, window: TimeWindow, lang: Lang): string {
  const words = EXPORT_TEXT[lang];
  return [
    words.processes(formatNumber(counters.processes, lang)),
    words.output(formatBytesShort(counters.bytes, lang)),
    words.messages(formatNumber(counters.messages, lang)),
    words.errors(formatNumber(counters.errors, lang)),
    windowText(window, lang),
  ].join(' · ');
}

/** "from 0.00 s to 1.25 s": both ends in the unit the window's span reads best in. */
export function windowText(window: TimeWindow, lang: Lang): string {
  const span = Math.max(window.end - window.start, 1);
  const unit = unitForStep(span / 5);
  const decimals = Math.max(0, Math.min(3, 2 - Math.floor(Math.log10(span / US_PER_UNIT[unit]))));
  return EXPORT_TEXT[lang].window(formatTick(window.start, unit, decimals, lang), formatTick(window.end, unit, decimals, lang));
}
