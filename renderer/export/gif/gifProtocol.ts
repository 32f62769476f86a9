/** What the page and the GIF worker say to each other (gifClip.ts ↔ gifWorker.ts). */
import type { Rgb } from './gifWriter';

export type GifRequest =
  /** The size, the palette's fixed colours, and sample frames (RGBA) to quantize the rest from. */
  | { kind: 'start'; width: number; height: number; base: Rgb[]; samples: ArrayBuffer[] }
  | { kind: 'frame'; rgba: ArrayBuffer; delayCs: number }
  | { kind: 'finish' };

export type GifReply =
  | { kind: 'started'; colours: number }
  | { kind: 'framed'; frames: number }
  | { kind: 'done'; bytes: ArrayBuffer }
  | { kind: 'failed'; message: string };
