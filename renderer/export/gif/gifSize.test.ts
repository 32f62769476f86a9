import { describe, expect, it } from 'vitest';
import { estimateGifBytes, fileSizeText, GIF_WARN_BYTES } from './gifSize';

describe('a GIF’s size, said before it is made', () => {
  it('grows with the frames and the pixels, and a moving stage costs more than a timeline', () => {
    const size = { width: 640, height: 400 };
    expect(estimateGifBytes(size, 30, 'both')).toBeGreaterThan(estimateGifBytes(size, 15, 'both'));
    expect(estimateGifBytes({ width: 800, height: 500 }, 15, 'both')).toBeGreaterThan(estimateGifBytes(size, 15, 'both'));
    expect(estimateGifBytes(size, 60, 'stage')).toBeGreaterThan(estimateGifBytes(size, 60, 'timeline'));
  });

  it('passes the 20 MB warning for the longest clip at the widest, not for a short one', () => {
    expect(estimateGifBytes({ width: 800, height: 620 }, 10 * 60 * 25, 'both')).toBeGreaterThan(GIF_WARN_BYTES);
    expect(estimateGifBytes({ width: 480, height: 300 }, 15, 'both')).toBeLessThan(GIF_WARN_BYTES / 100);
  });

  it('is said in KB below a megabyte, in MB with a decimal below ten, in whole MB above', () => {
    expect(fileSizeText(45_000, 'en')).toBe('44 KB');
    expect(fileSizeText(300, 'en')).toBe('1 KB');
    expect(fileSizeText(3.44 * 1024 * 1024, 'es')).toBe('3,4 MB');
    expect(fileSizeText(48.4 * 1024 * 1024, 'en')).toBe('48 MB');
  });
});
