/**
 * How big a GIF will be, said before anything is encoded: the first frame is
 * a whole picture; each later one costs the pixels that changed (the
 * playhead's sweep and the clock on a timeline; figures and crates moving on
 * a stage). The rates are bytes per pixel of the picture, measured on the
 * demos' GIFs at 640 px (the README's figures); a busy stage costs more, a
 * still one less, so the form says "about". Pure.
 */
import type { PictureContent } from '../exportText';

/** A whole frame of flat colours and text, LZW-coded. */
const FIRST_FRAME_PER_PX = 0.12;
/** A later frame, by what the picture shows. */
const LATER_FRAME_PER_PX: Record<PictureContent, number> = { timeline: 0.004, stage: 0.02, both: 0.014 };
/** Header, palette, and each frame's own blocks. */
const FILE_BYTES = 1_100;
const FRAME_BYTES = 30;

/** Past this the form warns: a slide with a GIF that big loads slowly. */
export const GIF_WARN_BYTES = 20 * 1024 * 1024;

export function estimateGifBytes(size: { width: number; height: number }, frames: number, content: PictureContent): number {
  const pixels = size.width * size.height;
  const later = Math.max(0, frames - 1);
  return Math.round(FILE_BYTES + frames * FRAME_BYTES + pixels * FIRST_FRAME_PER_PX + later * pixels * LATER_FRAME_PER_PX[content]);
}

/** Megabytes as the form says them: "0.4", "3.2", "48". */
export function megabytesText(bytes: number, lang: 'es' | 'en'): string {
  const mb = bytes / (1024 * 1024);
  const text = mb < 10 ? mb.toFixed(1) : String(Math.round(mb));
  return lang === 'es' ? text.replace('.', ',') : text;
}
