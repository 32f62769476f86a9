/**
 * The video form's words about formats, in Spanish and English: each format
 * and where it plays, what an MP4 holds when H.264 cannot be encoded here,
 * a GIF's estimated size and the warning past 20 MB, and the file's name.
 */
import type { Lang } from '../../shared/api';
import type { ClipFormat } from '../export/video/clipFormat';

export interface ClipText {
  format: string;
  formats: Record<ClipFormat, { name: string; plays: string }>;
  /** The MP4 will hold `codec`, not H.264. */
  noH264: (codec: string) => string;
  noMp4: string;
  gifSize: (size: string) => string;
  gifTooBig: string;
  fileName: (name: string) => string;
}

export const CLIP_TEXT: Record<Lang, ClipText> = {
  en: {
    format: 'Format',
    formats: {
      mp4: { name: 'MP4', plays: 'PowerPoint, Keynote, any player' },
      webm: { name: 'WebM', plays: 'web pages, browsers' },
      gif: { name: 'GIF', plays: 'Google Slides, any slide tool' },
    },
    noH264: (codec) =>
      `This browser cannot encode H.264: the MP4 will hold ${codec}. PowerPoint plays it on Windows 10 and 11 (with Windows' video extensions); Keynote does not. For any slide tool, export a GIF.`,
    noMp4: 'This browser can make no MP4: export a WebM or a GIF.',
    gifSize: (size) => `The GIF will weigh about ${size}.`,
    gifTooBig: 'Above 20 MB a slide loads slowly: pick a shorter range, a lower frame rate or a smaller width.',
    fileName: (name) => `File: ${name}`,
  },
  es: {
    format: 'Formato',
    formats: {
      mp4: { name: 'MP4', plays: 'PowerPoint, Keynote, cualquier reproductor' },
      webm: { name: 'WebM', plays: 'páginas web, navegadores' },
      gif: { name: 'GIF', plays: 'Google Slides, cualquier presentación' },
    },
    noH264: (codec) =>
      `Este navegador no codifica H.264: el MP4 llevará ${codec}. PowerPoint lo reproduce en Windows 10 y 11 (con las extensiones de video de Windows); Keynote no. Para cualquier presentación, exporta un GIF.`,
    noMp4: 'Este navegador no puede hacer un MP4: exporta un WebM o un GIF.',
    gifSize: (size) => `El GIF pesará unos ${size}.`,
    gifTooBig: 'Por encima de 20 MB una diapositiva carga despacio: elige un tramo más corto, menos fotogramas por segundo o menos ancho.',
    fileName: (name) => `Archivo: ${name}`,
  },
};
