/**
 * Words of the native file dialogs — titles and file types — in the page's
 * language (the page sends it with each request; the system's when it does
 * not). Written here with every other word of the interface, though the main
 * process shows them (electron/shell/file-dialogs.ts): main picks the words
 * by language and never takes words from the page, so a page cannot title a
 * native dialog. Hence nothing but types imported here: main bundles this file
 * and no renderer code with it. The buttons that open these dialogs take
 * their names from here (classroomText, exportText): one word for both.
 */
import type { Lang, SaveKind } from '../../shared/api';

export interface DialogText {
  saveTitle: Record<SaveKind, string>;
  saveFilter: Record<SaveKind, string>;
  openRecordingTitle: string;
  openRecordingFilter: string;
  openScriptTitle: string;
  openScriptFilter: string;
  openLessonTitle: string;
}

/** One title for both video formats' Save dialogs. */
const EXPORT_VIDEO: Record<Lang, string> = { en: 'Export video', es: 'Exportar video' };

export const DIALOG_TEXT: Record<Lang, DialogText> = {
  en: {
    saveTitle: { recording: 'Save recording', png: 'Export PNG', svg: 'Export SVG', trace: 'Export trace', webm: EXPORT_VIDEO.en, mp4: EXPORT_VIDEO.en, gif: 'Export GIF', narration: 'Save narration' },
    saveFilter: { recording: 'Obra recording', png: 'PNG image', svg: 'SVG image', trace: 'Chrome trace (JSON)', webm: 'WebM video', mp4: 'MP4 video', gif: 'GIF animation', narration: 'Lesson narration (narration.json)' },
    openRecordingTitle: 'Open recording',
    openRecordingFilter: 'Obra recordings (.obra.json, .ndjson)',
    openScriptTitle: 'Open script',
    openScriptFilter: 'Node.js scripts (.js, .mjs, .cjs)',
    openLessonTitle: 'Open lesson folder',
  },
  es: {
    saveTitle: { recording: 'Guardar grabación', png: 'Exportar PNG', svg: 'Exportar SVG', trace: 'Exportar traza', webm: EXPORT_VIDEO.es, mp4: EXPORT_VIDEO.es, gif: 'Exportar GIF', narration: 'Guardar narración' },
    saveFilter: { recording: 'Grabación de Obra', png: 'Imagen PNG', svg: 'Imagen SVG', trace: 'Traza de Chrome (JSON)', webm: 'Video WebM', mp4: 'Video MP4', gif: 'Animación GIF', narration: 'Narración de la lección (narration.json)' },
    openRecordingTitle: 'Abrir grabación',
    openRecordingFilter: 'Grabaciones de Obra (.obra.json, .ndjson)',
    openScriptTitle: 'Abrir script',
    openScriptFilter: 'Scripts de Node.js (.js, .mjs, .cjs)',
    openLessonTitle: 'Abrir carpeta de lección',
  },
};
