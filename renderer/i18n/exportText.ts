/**
 * The words of Obra's exports — the menu, the progress of a video, and what
 * an exported picture says (its subtitle, its legend) — written by hand in
 * Spanish and English. Accessible names of the menu items are these words.
 */
import type { Lang } from '../../shared/api';
import { DIALOG_TEXT } from './dialogText';
import { clipLengthText, secondsText, type RangePreset, type RangeProblem } from '../export/video/videoRange';

export type PictureContent = 'timeline' | 'stage' | 'both';

export interface ExportText {
  button: string;
  menu: string;
  noRun: string;
  picture: string;
  content: Record<PictureContent, string>;
  theme: string;
  themes: { light: string; dark: string };
  png: (scale: number) => string;
  svg: string;
  trace: string;
  traceHint: string;
  video: string;
  videoHint: string;
  videoProgress: string;
  videoDone: string;
  videoCancelled: string;
  cancel: string;
  failed: string;
  /** The video form. */
  videoTitle: string;
  from: string;
  to: string;
  seconds: string;
  presets: string;
  preset: Record<RangePreset, string>;
  speedLabel: string;
  speedOption: (factor: string) => string;
  teaching: string;
  teachingHint: string;
  fps: string;
  fpsOption: (fps: number) => string;
  size: string;
  sizeOption: (width: number) => string;
  timelineFixed: string;
  clipLength: (length: string, frames: string) => string;
  runLength: (length: string) => string;
  start: string;
  close: string;
  problem: (p: RangeProblem, lang: Lang) => string;
  framesDone: (done: string, total: string) => string;
  /** In the picture. */
  processes: (count: string) => string;
  output: (bytes: string) => string;
  messages: (count: string) => string;
  errors: (count: string) => string;
  window: (from: string, to: string) => string;
  lifetime: string;
  exitCode: string;
  /** An OS process's badge on its lane (short: the list beside the screen's timeline spells it out). */
  osBadge: string;
  speed: (factor: string) => string;
  teachingSpeed: (factor: string) => string;
}

const seconds = (us: number, lang: Lang): string => `${secondsText(us, lang)} s`;

export const EXPORT_TEXT: Record<Lang, ExportText> = {
  en: {
    button: 'Export',
    menu: 'Export',
    noRun: 'Run a demo or open a recording first: exports draw its log.',
    picture: 'Picture',
    content: { timeline: 'Timeline', stage: 'Stage', both: 'Stage and timeline' },
    theme: 'Colours',
    themes: { light: 'Light', dark: 'Dark' },
    png: (scale) => `Export PNG ${scale}×`,
    // The Save dialogs' titles: the menu item and the dialog it opens say the same.
    svg: DIALOG_TEXT.en.saveTitle.svg,
    trace: DIALOG_TEXT.en.saveTitle.trace,
    traceHint: 'Chrome trace JSON, opens in Perfetto',
    video: DIALOG_TEXT.en.saveTitle.webm,
    videoHint: 'MP4, WebM or GIF of a replay range: pick it next',
    videoProgress: 'Exporting video',
    videoDone: 'Video saved',
    videoCancelled: 'Video export cancelled',
    cancel: 'Cancel',
    failed: 'The export failed',
    videoTitle: DIALOG_TEXT.en.saveTitle.webm,
    from: 'From',
    to: 'To',
    seconds: 'seconds of the run, to the ms',
    presets: 'Range',
    preset: { window: 'Visible window', run: 'Whole run', playhead: 'Playhead → end' },
    speedLabel: 'Speed',
    speedOption: (factor) => `${factor}× real time`,
    teaching: 'Teaching speed',
    teachingHint: 'Every event gets its moment: microsecond gaps are stretched, gaps of seconds shortened.',
    fps: 'Frame rate',
    fpsOption: (fps) => `${fps} frames/s`,
    size: 'Width',
    sizeOption: (width) => `${width} px`,
    timelineFixed: 'The timeline shows the whole range; the playhead sweeps across it.',
    clipLength: (length, frames) => `The clip will last ${length} (${frames} frames).`,
    runLength: (length) => `The run lasts ${length}.`,
    start: 'Start export',
    close: 'Close',
    problem: (p, lang) =>
      p.kind === 'unreadable'
        ? `${p.field === 'from' ? 'From' : 'To'}: write seconds, like 1.250.`
        : p.kind === 'order'
          ? 'From must come before To.'
          : p.kind === 'outside'
            ? `The range must lie inside the run: from 0 to ${seconds(p.runEnd, lang)}.`
            : `That video would last ${clipLengthText(p.durationUs, lang)}: the most is ${clipLengthText(p.maxUs, lang)}. Pick a shorter range or a faster speed.`,
    framesDone: (done, total) => `${done} / ${total} frames`,
    processes: (count) => `${count} ${count === '1' ? 'process' : 'processes'}`,
    output: (bytes) => `${bytes} of output`,
    messages: (count) => `${count} IPC ${count === '1' ? 'message' : 'messages'}`,
    errors: (count) => `${count} ${count === '1' ? 'error' : 'errors'}`,
    window: (from, to) => `from ${from} to ${to}`,
    lifetime: 'alive (spawn → exit)',
    exitCode: 'exit code',
    osBadge: 'OS',
    speed: (factor) => `speed ×${factor}`,
    teachingSpeed: (factor) => `teaching speed ×${factor}`,
  },
  es: {
    button: 'Exportar',
    menu: 'Exportar',
    noRun: 'Primero ejecuta una demo o abre una grabación: las exportaciones dibujan su registro.',
    picture: 'Imagen',
    content: { timeline: 'Línea de tiempo', stage: 'Escenario', both: 'Escenario y línea de tiempo' },
    theme: 'Colores',
    themes: { light: 'Claro', dark: 'Oscuro' },
    png: (scale) => `Exportar PNG ${scale}×`,
    // The Save dialogs' titles: the menu item and the dialog it opens say the same.
    svg: DIALOG_TEXT.es.saveTitle.svg,
    trace: DIALOG_TEXT.es.saveTitle.trace,
    traceHint: 'JSON de traza de Chrome, se abre en Perfetto',
    video: DIALOG_TEXT.es.saveTitle.webm,
    videoHint: 'MP4, WebM o GIF de un tramo de la reproducción: se elige a continuación',
    videoProgress: 'Exportando video',
    videoDone: 'Video guardado',
    videoCancelled: 'Exportación de video cancelada',
    cancel: 'Cancelar',
    failed: 'No se pudo exportar',
    videoTitle: DIALOG_TEXT.es.saveTitle.webm,
    from: 'Desde',
    to: 'Hasta',
    seconds: 'segundos de la ejecución, al ms',
    presets: 'Tramo',
    preset: { window: 'Ventana visible', run: 'Toda la ejecución', playhead: 'Cabezal → final' },
    speedLabel: 'Velocidad',
    speedOption: (factor) => `${factor}× tiempo real`,
    teaching: 'Ritmo de clase',
    teachingHint: 'Cada evento se ve un momento: los huecos de microsegundos se estiran, los de segundos se acortan.',
    fps: 'Fotogramas',
    fpsOption: (fps) => `${fps} por segundo`,
    size: 'Ancho',
    sizeOption: (width) => `${width} px`,
    timelineFixed: 'La línea de tiempo muestra todo el tramo; el cabezal la recorre.',
    clipLength: (length, frames) => `El clip durará ${length} (${frames} fotogramas).`,
    runLength: (length) => `La ejecución dura ${length}.`,
    start: 'Empezar a exportar',
    close: 'Cerrar',
    problem: (p, lang) =>
      p.kind === 'unreadable'
        ? `${p.field === 'from' ? 'Desde' : 'Hasta'}: escribe segundos, como 1,250.`
        : p.kind === 'order'
          ? '«Desde» debe ir antes que «Hasta».'
          : p.kind === 'outside'
            ? `El tramo debe estar dentro de la ejecución: de 0 a ${seconds(p.runEnd, lang)}.`
            : `Ese video duraría ${clipLengthText(p.durationUs, lang)}: el máximo es ${clipLengthText(p.maxUs, lang)}. Elige un tramo más corto o más velocidad.`,
    framesDone: (done, total) => `${done} / ${total} fotogramas`,
    processes: (count) => `${count} ${count === '1' ? 'proceso' : 'procesos'}`,
    output: (bytes) => `${bytes} de salida`,
    messages: (count) => `${count} ${count === '1' ? 'mensaje' : 'mensajes'} IPC`,
    errors: (count) => `${count} ${count === '1' ? 'error' : 'errores'}`,
    window: (from, to) => `de ${from} a ${to}`,
    lifetime: 'vivo (spawn → exit)',
    exitCode: 'código de salida',
    osBadge: 'SO',
    speed: (factor) => `velocidad ×${factor}`,
    teachingSpeed: (factor) => `ritmo de clase ×${factor}`,
  },
};
