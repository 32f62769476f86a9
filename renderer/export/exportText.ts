/**
 * The words of Obra's exports — the menu, the progress of a video, and what
 * an exported picture says (its subtitle, its legend) — written by hand in
 * Spanish and English. Accessible names of the menu items are these words.
 */
import type { Lang } from '../../shared/api';

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
  /** In the picture. */
  processes: (count: string) => string;
  output: (bytes: string) => string;
  messages: (count: string) => string;
  errors: (count: string) => string;
  window: (from: string, to: string) => string;
  lifetime: string;
  exitCode: string;
  speed: (factor: string) => string;
}

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
    svg: 'Export SVG',
    trace: 'Export trace',
    traceHint: 'Chrome trace JSON, opens in Perfetto',
    video: 'Export video',
    videoHint: 'WebM of the visible time window',
    videoProgress: 'Exporting video',
    videoDone: 'Video saved',
    videoCancelled: 'Video export cancelled',
    cancel: 'Cancel',
    failed: 'The export failed',
    processes: (count) => `${count} ${count === '1' ? 'process' : 'processes'}`,
    output: (bytes) => `${bytes} of output`,
    messages: (count) => `${count} IPC ${count === '1' ? 'message' : 'messages'}`,
    errors: (count) => `${count} ${count === '1' ? 'error' : 'errors'}`,
    window: (from, to) => `from ${from} to ${to}`,
    lifetime: 'alive (spawn → exit)',
    exitCode: 'exit code',
    speed: (factor) => `speed ×${factor}`,
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
    svg: 'Exportar SVG',
    trace: 'Exportar traza',
    traceHint: 'JSON de traza de Chrome, se abre en Perfetto',
    video: 'Exportar video',
    videoHint: 'WebM de la ventana de tiempo visible',
    videoProgress: 'Exportando video',
    videoDone: 'Video guardado',
    videoCancelled: 'Exportación de video cancelada',
    cancel: 'Cancelar',
    failed: 'No se pudo exportar',
    processes: (count) => `${count} ${count === '1' ? 'proceso' : 'procesos'}`,
    output: (bytes) => `${bytes} de salida`,
    messages: (count) => `${count} ${count === '1' ? 'mensaje' : 'mensajes'} IPC`,
    errors: (count) => `${count} ${count === '1' ? 'error' : 'errores'}`,
    window: (from, to) => `de ${from} a ${to}`,
    lifetime: 'vivo (spawn → exit)',
    exitCode: 'código de salida',
    speed: (factor) => `velocidad ×${factor}`,
  },
};
