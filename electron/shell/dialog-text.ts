/**
 * Words of the native file dialogs, in the app's language (es or en, from
 * the system locale: main does not know the page's choice). No Electron import.
 */
import { langOfLocale, type Lang, type SaveKind } from '../../shared/api';

export interface DialogText {
  saveTitle: Record<SaveKind, string>;
  saveFilter: Record<SaveKind, string>;
  openRecordingTitle: string;
  openRecordingFilter: string;
  openScriptTitle: string;
  openScriptFilter: string;
  openLessonTitle: string;
}

export const DIALOG_TEXT: Record<Lang, DialogText> = {
  en: {
    saveTitle: { recording: 'Save recording', png: 'Export PNG', svg: 'Export SVG', trace: 'Export trace', webm: 'Export video', mp4: 'Export video', gif: 'Export GIF', narration: 'Save narration' },
    saveFilter: { recording: 'Obra recording', png: 'PNG image', svg: 'SVG image', trace: 'Chrome trace (JSON)', webm: 'WebM video', mp4: 'MP4 video', gif: 'GIF animation', narration: 'Lesson narration (narration.json)' },
    openRecordingTitle: 'Open recording',
    openRecordingFilter: 'Obra recordings (.obra.json, .ndjson)',
    openScriptTitle: 'Open script',
    openScriptFilter: 'Node.js scripts (.js, .mjs, .cjs)',
    openLessonTitle: 'Open lesson folder',
  },
  es: {
    saveTitle: { recording: 'Guardar grabación', png: 'Exportar PNG', svg: 'Exportar SVG', trace: 'Exportar traza', webm: 'Exportar video', mp4: 'Exportar video', gif: 'Exportar GIF', narration: 'Guardar narración' },
    saveFilter: { recording: 'Grabación de Obra', png: 'Imagen PNG', svg: 'Imagen SVG', trace: 'Traza de Chrome (JSON)', webm: 'Video WebM', mp4: 'Video MP4', gif: 'Animación GIF', narration: 'Narración de la lección (narration.json)' },
    openRecordingTitle: 'Abrir grabación',
    openRecordingFilter: 'Grabaciones de Obra (.obra.json, .ndjson)',
    openScriptTitle: 'Abrir script',
    openScriptFilter: 'Scripts de Node.js (.js, .mjs, .cjs)',
    openLessonTitle: 'Abrir carpeta de lección',
  },
};

/** The dialogs' language for a system locale such as `es-ES` or `en-US`. */
export function dialogLang(locale: string): Lang {
  return langOfLocale(locale);
}
