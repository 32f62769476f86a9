import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatNumber, formatTick } from './format';
import { initialLang } from './index';

describe('numbers in the reader’s locale', () => {
  it('groups thousands the Spanish and the English way', () => {
    expect(formatBytes(4096, 'es')).toBe('4.096 bytes');
    expect(formatBytes(4096, 'en')).toBe('4,096 bytes');
    expect(formatNumber(1234567, 'es')).toBe('1.234.567');
  });

  it('writes durations in the unit that reads best', () => {
    expect(formatDuration(850, 'en')).toBe('850 µs');
    expect(formatDuration(12_345, 'en')).toBe('12.3 ms');
    expect(formatDuration(12_345, 'es')).toBe('12,3 ms');
    expect(formatDuration(1_250_000, 'en')).toBe('1.25 s');
  });

  it('labels axis ticks in the axis unit', () => {
    expect(formatTick(1_500, 'ms', 1, 'es')).toBe('1,5 ms');
    expect(formatTick(2_000_000, 's', 0, 'en')).toBe('2 s');
  });
});

describe('language', () => {
  const storage = (value: string | null) => ({ getItem: () => value });
  it('follows the system until the reader chooses', () => {
    expect(initialLang(storage(null), 'es-AR')).toEqual({ lang: 'es', chosen: false });
    expect(initialLang(storage(null), 'de-DE')).toEqual({ lang: 'en', chosen: false });
    expect(initialLang(storage('es'), 'en-US')).toEqual({ lang: 'es', chosen: true });
  });
});
