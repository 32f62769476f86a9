import { describe, expect, it } from 'vitest';
import { readGif } from '../../../tests/fixtures/clip-files/gif';
import { GIF_COLOURS, gifDelaysCs, gifPalette, GifWriter, type Rgb } from './gifWriter';

const PAPER: Rgb = [255, 255, 255];
const INK: Rgb = [17, 17, 17];
const BLUE: Rgb = [0, 114, 178];

/** A w×h frame of paper with a blue bar from x0 to x1 and an ink pixel in a corner. */
function frame(w: number, h: number, x0: number, x1: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = x >= x0 && x < x1 ? BLUE : x === 0 && y === 0 ? INK : PAPER;
      rgba.set([...c, 255], (y * w + x) * 4);
    }
  }
  return rgba;
}

/** Bytes 0–255 that repeat no pattern an LZW coder could find (xorshift). */
function noise(): () => number {
  let seed = 7;
  return () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed & 0xff;
  };
}

describe('a GIF’s timing', () => {
  it('gives each frame hundredths of a second that add up to the clip’s length', () => {
    expect(gifDelaysCs(4, 10)).toEqual([10, 10, 10, 10]);
    expect(gifDelaysCs(6, 15)).toEqual([7, 6, 7, 7, 6, 7]);
    expect(gifDelaysCs(10, 25).every((d) => d === 4)).toBe(true);
    for (const [frames, fps] of [[2, 15], [61, 15], [300, 20], [9_000, 15], [7, 24]]) {
      const delays = gifDelaysCs(frames, fps);
      expect(delays).toHaveLength(frames);
      expect(delays.reduce((a, b) => a + b, 0)).toBe(Math.round((100 * frames) / fps));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(Math.floor(100 / fps));
    }
  });
});

describe('a GIF’s palette', () => {
  it('keeps the given colours first, in order and once, then fills up to 255 from the frames, never more', () => {
    const random = noise();
    const noisy = new Uint8ClampedArray(64 * 64 * 4).map((_, i) => (i % 4 === 3 ? 255 : random()));
    const palette = gifPalette([INK, PAPER, INK, BLUE], [noisy]);
    expect(palette.slice(0, 3)).toEqual([INK, PAPER, BLUE]);
    expect(palette.length).toBeLessThanOrEqual(GIF_COLOURS);
    expect(palette.length).toBeGreaterThan(100);
    expect(new Set(palette.map((c) => c.join())).size).toBe(palette.length);
    expect(gifPalette([INK, PAPER], [])).toEqual([INK, PAPER]);
  });
});

describe('the GIF writer', () => {
  it('writes every frame with its delay, looping forever, each later frame drawn over the last', () => {
    const writer = new GifWriter(40, 20, [PAPER, INK, BLUE]);
    const delays = gifDelaysCs(5, 15);
    for (let k = 0; k < 5; k++) writer.addFrame(frame(40, 20, 4 * k, 4 * k + 6), delays[k]);
    const gif = readGif(writer.finish());
    expect(gif).toMatchObject({ version: 'GIF89a', width: 40, height: 20, loops: 0 });
    expect(gif.colours.slice(0, 3)).toEqual([PAPER, INK, BLUE].map((c) => [...c]));
    expect(gif.frames.map((f) => f.delayCs)).toEqual(delays);
    expect(gif.frames.every((f) => f.dispose === 1 && f.width === 40 && f.height === 20)).toBe(true);
    expect(gif.frames[0].transparentIndex).toBeNull();
    expect(gif.frames.slice(1).every((f) => f.transparentIndex === GIF_COLOURS)).toBe(true);
  });

  it('gives a colour of the palette its very index, and any other its nearest', () => {
    const writer = new GifWriter(3, 1, [PAPER, INK, BLUE]);
    const pixels = Uint8ClampedArray.from([255, 255, 255, 255, 17, 17, 17, 255, 10, 120, 170, 255]);
    expect([...writer.indices(pixels)]).toEqual([0, 1, 2]);
    expect([...writer.indices(Uint8ClampedArray.from([240, 240, 240, 255, 40, 40, 40, 255, 0, 0, 0, 255]))]).toEqual([0, 1, 1]);
  });

  it('costs little for a frame that changes little: unchanged pixels are written as the transparent index', () => {
    // A busy picture (paper, ink and blue scattered), then twenty frames that each change one column.
    const colours = [PAPER, INK, BLUE];
    const busy = frame(200, 100, 0, 0);
    const random = noise();
    for (let i = 0; i < 200 * 100; i++) busy.set([...colours[random() % 3], 255], i * 4);
    const alone = new GifWriter(200, 100, [PAPER, INK, BLUE]);
    alone.addFrame(busy, 10);
    const oneFrame = alone.finish().length;
    const moving = new GifWriter(200, 100, [PAPER, INK, BLUE]);
    moving.addFrame(busy, 10);
    for (let k = 1; k <= 20; k++) {
      const next = busy.slice();
      for (let y = 0; y < 100; y++) next.set([...INK, 255], (y * 200 + k * 2 + 1) * 4);
      moving.addFrame(next, 10);
    }
    expect(moving.frames).toBe(21);
    // Whole frames would cost about 21 times one; each change costs less than a tenth of one.
    expect(moving.finish().length).toBeLessThan(oneFrame + 20 * (oneFrame / 10));
  });

  it('refuses a frame of the wrong size and a palette it cannot index', () => {
    const writer = new GifWriter(4, 4, [PAPER]);
    expect(() => writer.addFrame(new Uint8ClampedArray(8), 10)).toThrow(/frame of 2 pixels/);
    expect(() => new GifWriter(4, 4, [])).toThrow(RangeError);
    expect(() => new GifWriter(4, 4, Array.from({ length: 256 }, (_, i): Rgb => [i, i, i]))).toThrow(RangeError);
    expect(() => new GifWriter(4, 4, [PAPER]).finish()).toThrow(/needs a frame/);
  });
});
