import { describe, expect, it } from 'vitest';
import { kindOfFileName } from '../download';
import { CLIP_CHOICES, clipFileName, rememberedFormat, rememberFormat } from './clipFormat';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('the formats a clip can take', () => {
  it('names the file after the demo, the picture, the range and the format, and the Save dialog knows each kind', () => {
    const range = { start: 250_000, end: 1_250_000 };
    expect(clipFileName('exec', 'both', range, 'mp4')).toBe('exec-both-0.25-1.25s.mp4');
    expect(clipFileName('exec', 'timeline', { start: 0, end: 2_000_400 }, 'gif')).toBe('exec-timeline-0-2s.gif');
    expect(clipFileName('my-script', 'stage', { start: 1_234_567, end: 3_500_000 }, 'webm')).toBe('my-script-stage-1.235-3.5s.webm');
    expect(kindOfFileName(clipFileName('exec', 'both', range, 'mp4'))).toBe('mp4');
    expect(kindOfFileName(clipFileName('exec', 'both', range, 'gif'))).toBe('gif');
    expect(kindOfFileName(clipFileName('exec', 'both', range, 'webm'))).toBe('webm');
  });

  it('remembers the last format, starting on MP4 and ignoring anything else stored', () => {
    const storage = memoryStorage();
    expect(rememberedFormat(storage)).toBe('mp4');
    rememberFormat(storage, 'gif');
    expect(rememberedFormat(storage)).toBe('gif');
    storage.setItem('obra.clipFormat', 'avi');
    expect(rememberedFormat(storage)).toBe('mp4');
    expect(rememberedFormat(null)).toBe('mp4');
    const broken = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(rememberedFormat(broken)).toBe('mp4');
    expect(() => rememberFormat(broken, 'webm')).not.toThrow();
  });

  it('offers a GIF fewer pixels and frames than a video, and starts each on one of its own choices', () => {
    for (const choices of Object.values(CLIP_CHOICES)) {
      expect(choices.frameRates).toContain(choices.fps);
      expect(choices.widths).toContain(choices.width);
    }
    expect(Math.max(...CLIP_CHOICES.gif.widths)).toBeLessThan(Math.max(...CLIP_CHOICES.mp4.widths));
    expect(Math.max(...CLIP_CHOICES.gif.frameRates)).toBeLessThan(Math.max(...CLIP_CHOICES.mp4.frameRates));
  });
});
