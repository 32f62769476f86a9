/**
 * The three kinds of clip a replay range becomes, and what each offers:
 * MP4 (what PowerPoint and Keynote take), WebM (the open web's), and an
 * animated GIF (what Google Slides shows, and any slide tool). A GIF grows
 * with every pixel of every frame, so it offers smaller widths and fewer
 * frames a second. The form remembers the last format chosen; a file is
 * named after the demo, the picture, the range and the format. Pure.
 */
import type { PictureContent } from '../../i18n/exportText';

export type ClipFormat = 'mp4' | 'webm' | 'gif';
export const CLIP_FORMATS: readonly ClipFormat[] = ['mp4', 'webm', 'gif'];

export interface ClipChoices {
  frameRates: readonly number[];
  widths: readonly number[];
  /** What the form starts on. */
  fps: number;
  width: number;
}

const VIDEO_CHOICES: ClipChoices = { frameRates: [15, 24, 30, 60], widths: [640, 1280, 1920], fps: 30, width: 1280 };

export const CLIP_CHOICES: Record<ClipFormat, ClipChoices> = {
  mp4: VIDEO_CHOICES,
  webm: VIDEO_CHOICES,
  // GIF delays are in hundredths of a second: 10, 20 and 25 fps are exact, 15 alternates 7 and 6.
  gif: { frameRates: [10, 15, 20, 25], widths: [480, 640, 800], fps: 15, width: 640 },
};

export const CLIP_MIME: Record<ClipFormat, string> = { mp4: 'video/mp4', webm: 'video/webm', gif: 'image/gif' };

/** Where the last format chosen is kept. */
const FORMAT_KEY = 'obra.clipFormat';

function isClipFormat(value: unknown): value is ClipFormat {
  return typeof value === 'string' && (CLIP_FORMATS as readonly string[]).includes(value);
}

/** The format chosen last time, else MP4 (the one every slide tool but Google Slides plays). */
export function rememberedFormat(storage: Pick<Storage, 'getItem'> | null): ClipFormat {
  try {
    const value = storage?.getItem(FORMAT_KEY);
    return isClipFormat(value) ? value : 'mp4';
  } catch {
    return 'mp4';
  }
}

export function rememberFormat(storage: Pick<Storage, 'setItem'> | null, format: ClipFormat): void {
  try {
    storage?.setItem(FORMAT_KEY, format);
  } catch {
    // A page without storage (private mode, a sandbox) forgets: the form still works.
  }
}

/** Seconds of the run in a file name: a dot whatever the language, no trailing zeros ("0.25", "1.5", "2"). */
function fileSeconds(us: number): string {
  return String(Math.round(Math.max(0, us) / 1_000) / 1_000);
}

/** `exec-both-0.25-1.25s.mp4`: the demo (or script), what the picture shows, the range in seconds of the run, the format. */
export function clipFileName(stem: string, content: PictureContent, range: { start: number; end: number }, format: ClipFormat): string {
  return `${stem}-${content}-${fileSeconds(range.start)}-${fileSeconds(range.end)}s.${format}`;
}
