/**
 * A GIF written frame by frame from RGBA pixels (gifenc writes the blocks and
 * their LZW codes): one global palette of 255 colours, the picture's own
 * colours first and exact (see themeColours), the rest quantized from sample
 * frames; each pixel takes its nearest palette colour. After the first frame,
 * a pixel that shows what it already shows is written as the 256th,
 * transparent index and the frame is left in place under the next, so a clip
 * costs the pixels that change (the playhead, a flight, the clock), not a
 * whole picture per frame. No DOM: it runs in a worker.
 */
// gifenc has no types: its declaration must reach both configs that compile this file (the page's and the tests').
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./gifenc.d.ts" />
import { GIFEncoder, quantize, type GifEncoderStream } from 'gifenc';

export type Rgb = readonly [number, number, number];

/** Colours a frame may use; the 256th index is "unchanged". */
export const GIF_COLOURS = 255;
const UNCHANGED = GIF_COLOURS;
/** GIF's "do not dispose": the next frame is drawn over this one, its transparent pixels showing it. */
const LEAVE_IN_PLACE = 1;

const key = (r: number, g: number, b: number): number => (r << 16) | (g << 8) | b;

/** `base` first (each once, in order), then colours quantized from `samples` (RGBA) until 255. */
export function gifPalette(base: readonly Rgb[], samples: readonly Uint8ClampedArray[]): Rgb[] {
  const seen = new Set<number>();
  const palette: Rgb[] = [];
  const add = (c: Rgb): void => {
    const k = key(c[0], c[1], c[2]);
    if (palette.length < GIF_COLOURS && !seen.has(k)) {
      seen.add(k);
      palette.push(c);
    }
  };
  base.forEach(add);
  const room = GIF_COLOURS - palette.length;
  if (room > 0 && samples.length > 0) {
    const all = new Uint8ClampedArray(samples.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of samples) {
      all.set(s, at);
      at += s.length;
    }
    // A few more than the room: some of them are base colours again.
    for (const c of quantize(all, Math.min(256, room + 8))) add([c[0], c[1], c[2]]);
  }
  return palette;
}

/**
 * Each frame's delay in hundredths of a second (GIF's unit), rounded so that
 * they add up to the clip's length: frame k ends at round(100 (k + 1) / fps).
 */
export function gifDelaysCs(frames: number, fps: number): number[] {
  const end = (k: number): number => Math.round((100 * k) / fps);
  return Array.from({ length: frames }, (_, k) => end(k + 1) - end(k));
}

export class GifWriter {
  private readonly gif: GifEncoderStream = GIFEncoder();
  private readonly table: Array<[number, number, number]>;
  private readonly nearestOf = new Map<number, number>();
  /** The palette index each pixel shows after the frames written so far. */
  private shown: Uint8Array | null = null;
  private written = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly palette: readonly Rgb[],
  ) {
    if (palette.length === 0 || palette.length > GIF_COLOURS) throw new RangeError(`a GIF palette of ${palette.length} colours`);
    // 256 entries: the palette, then filler up to the "unchanged" index (never drawn).
    this.table = Array.from({ length: 256 }, (_, i) => {
      const c = palette[i] ?? palette[0];
      return [c[0], c[1], c[2]];
    });
  }

  get frames(): number {
    return this.written;
  }

  /** The palette index of each pixel: the nearest colour, the very colour when the palette has it. */
  indices(rgba: Uint8ClampedArray): Uint8Array {
    const n = this.width * this.height;
    if (rgba.length !== n * 4) throw new RangeError(`a frame of ${rgba.length / 4} pixels for a ${this.width}×${this.height} GIF`);
    const out = new Uint8Array(n);
    for (let i = 0, p = 0; i < n; i++, p += 4) {
      const k = key(rgba[p], rgba[p + 1], rgba[p + 2]);
      let index = this.nearestOf.get(k);
      if (index === undefined) {
        index = this.nearest(rgba[p], rgba[p + 1], rgba[p + 2]);
        this.nearestOf.set(k, index);
      }
      out[i] = index;
    }
    return out;
  }

  addFrame(rgba: Uint8ClampedArray, delayCs: number): void {
    const index = this.indices(rgba);
    const delay = delayCs * 10;
    if (!this.shown) {
      this.gif.writeFrame(index, this.width, this.height, { palette: this.table, delay, repeat: 0, dispose: LEAVE_IN_PLACE });
      this.shown = index;
    } else {
      const shown = this.shown;
      for (let i = 0; i < index.length; i++) {
        if (index[i] === shown[i]) index[i] = UNCHANGED;
        else shown[i] = index[i];
      }
      this.gif.writeFrame(index, this.width, this.height, { delay, transparent: true, transparentIndex: UNCHANGED, dispose: LEAVE_IN_PLACE });
    }
    this.written++;
  }

  finish(): Uint8Array {
    if (this.written === 0) throw new Error('a GIF needs a frame');
    this.gif.finish();
    return this.gif.bytes();
  }

  private nearest(r: number, g: number, b: number): number {
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < this.palette.length; i++) {
      const c = this.palette[i];
      // Weighted towards green, as the eye is: text edges keep their lightness.
      const d = 2 * (c[0] - r) ** 2 + 4 * (c[1] - g) ** 2 + 3 * (c[2] - b) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
        if (d === 0) break;
      }
    }
    return best;
  }
}
