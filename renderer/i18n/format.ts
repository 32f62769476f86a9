import type { Lang } from '../../shared/api';
import { formatNumber } from '../../shared/number-format';
import { US_PER_UNIT, type TimeUnit } from '../model/timeAxis';

/** Numbers, bytes, durations and percentages in the reader's language; the numbers by the one formatter (shared/number-format.ts). */
export { formatNumber } from '../../shared/number-format';

/** Exact byte counts with their unit: "4.096 bytes" / "4,096 bytes"; large ones also in KiB/MiB. */
export function formatBytes(bytes: number, lang: Lang): string {
  const exact = `${formatNumber(bytes, lang)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return exact;
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} MiB`;
}

/** A compact byte count for small labels (1,5 KiB / 1.5 KiB). */
export function formatBytesShort(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, bytes < 10 * 1024 ? 1 : 0)} KiB`;
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} MiB`;
}

/** A duration in the unit it reads best in: 850 µs, 12,3 ms / 12.3 ms, 1,25 s / 1.25 s. */
export function formatDuration(us: number, lang: Lang): string {
  const abs = Math.abs(us);
  if (abs < 1_000) return `${formatNumber(us, lang)} µs`;
  if (abs < 1_000_000) return `${formatNumber(us / 1_000, lang, abs < 10_000 ? 2 : 1)} ms`;
  return `${formatNumber(us / 1_000_000, lang, abs < 10_000_000 ? 2 : 1)} s`;
}

/** An axis tick label in the axis's unit. */
export function formatTick(us: number, unit: TimeUnit, decimals: number, lang: Lang): string {
  return `${formatNumber(us / US_PER_UNIT[unit], lang, decimals)} ${unit}`;
}

export function formatPercent(fraction: number, lang: Lang): string {
  return `${formatNumber(fraction * 100, lang, fraction < 0.1 ? 1 : 0)} %`;
}
