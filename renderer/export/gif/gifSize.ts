/**
 * How big a GIF will be, said before anything is encoded: the first frame is
 * a whole picture; each later one costs the pixels that changed (the
 * playhead's sweep and the clock on a timeline; figures and crates moving on
 * a stage) plus its LZW codes for the unchanged rest, which grow with the
 * square root of the frame's pixels. The rates were measured on whole runs
 * of the exec, fork, spawn and all-cores demos at 640 px and 15 fps (each
 * within a factor of 1.6 of the file); a busy stage costs more, a still one
 * less, so the form says "about". Pure.
 */
import type { PictureContent } from '../../i18n/exportText';

/** A whole frame of flat colours and text, LZW-coded: bytes per pixel. */
const FIRST_FRAME_PER_PX = 0.07;
/** An unchanged frame's LZW codes: this many bytes per code, √(2 × pixels) codes. */
const UNCHANGED_PER_CODE = 2.1;
/** What changes in a later frame, by what the picture shows: bytes per pixel of the picture. */
const CHANGED_PER_PX: Record<PictureContent, number> = { timeline: 0.0005, stage: 0.008, both: 0.005 };
/** Header, palette and loop block. */
const FILE_BYTES = 1_100;

/** Past this the form warns: a slide with a GIF that big loads slowly. */
export const GIF_WARN_BYTES = 20 * 1024 * 1024;

export function estimateGifBytes(size: { width: number; height: number }, frames: number, content: PictureContent): number {
  const pixels = size.width * size.height;
  const later = Math.max(0, frames - 1);
  const laterFrame = UNCHANGED_PER_CODE * Math.sqrt(2 * pixels) + pixels * CHANGED_PER_PX[content];
  return Math.round(FILE_BYTES + pixels * FIRST_FRAME_PER_PX + later * laterFrame);
}

/** A file's size as the form says it: "45 KB", "3.4 MB", "48 MB" (1 KB = 1024 bytes). */
export function fileSizeText(bytes: number, lang: 'es' | 'en'): string {
  const kb = bytes / 1024;
  const mb = kb / 1024;
  const text = kb < 1000 ? `${Math.max(1, Math.round(kb))} KB` : mb < 10 ? `${mb.toFixed(1)} MB` : `${Math.round(mb)} MB`;
  return lang === 'es' ? text.replace('.', ',') : text;
}
