import type { Lang } from '../../shared/api';
import { DIALOG_TEXT } from './dialogText';

/** The classroom's words (replay, recordings, projector, shortcuts), written by hand in each language. */
export interface ClassroomText {
  replay: string;
  play: string;
  pause: string;
  stepBack: string;
  stepForward: string;
  playhead: string;
  speed: string;
  teaching: string;
  teachingHint: string;
  live: string;
  saveRecording: string;
  openRecording: string;
  noRunToSave: string;
  projector: string;
  theme: string;
  themeNames: { light: string; dark: string };
  compare: string;
  closeCompare: string;
  compareTitle: string;
  compareOpen: string;
  compareEmpty: string;
  compareOneVsAll: string;
  compareRunning: (step: number) => string;
  compareStop: string;
  compareFiguresLabel: string;
  compareFigure: string;
  compareFigures: { wall: string; processes: string; workers: string; cpu: string; messages: string; output: string };
  compareNoSamples: string;
  compareFaster: (x: string) => string;
  compareSlower: (x: string) => string;
  /** Notices of the 1-vs-N sequence (codes ERR_OBRA_BUSY, ERR_OBRA_COMPARE_RUN, ERR_OBRA_COMPARE_NO_CORES). */
  compareBusy: string;
  compareRunEnded: (step: number, what: string, end: { timeout: boolean; code: number | null; signal: string | null }) => string;
  compareNoCores: string;
  shortcuts: string;
  close: string;
  blankHint: string;
  keys: Array<[string, string]>;
}

export const CLASSROOM_TEXT: Record<Lang, ClassroomText> = {
  es: {
    replay: 'Reproducción',
    play: 'Reproducir',
    pause: 'Pausa',
    stepBack: 'Evento anterior',
    stepForward: 'Evento siguiente',
    playhead: 'Cabezal de reproducción',
    speed: 'Velocidad',
    teaching: 'Ritmo de clase',
    teachingHint: 'Cada evento se ve un momento: los huecos de microsegundos se estiran, los de segundos se acortan.',
    live: 'En vivo',
    // The dialogs' titles: the button and the dialog it opens say the same.
    saveRecording: DIALOG_TEXT.es.saveTitle.recording,
    openRecording: DIALOG_TEXT.es.openRecordingTitle,
    noRunToSave: 'No hay ninguna ejecución que guardar.',
    projector: 'Modo proyector',
    theme: 'Tema',
    themeNames: { light: 'Claro', dark: 'Oscuro' },
    compare: 'Comparar',
    closeCompare: 'Cerrar comparación',
    compareTitle: 'Comparar dos ejecuciones',
    compareOpen: 'Abrir la segunda grabación',
    compareEmpty: 'Abre una segunda grabación (.obra.json o .ndjson), o ejecuta all-cores con 1 obrero y con N: se dibuja bajo la otra, con el mismo eje de tiempo.',
    compareOneVsAll: 'all-cores: 1 obrero contra N',
    compareRunning: (step) => `Ejecutando ${step} de 2…`,
    compareStop: 'Detener la comparación',
    compareFiguresLabel: 'Las dos ejecuciones en cifras',
    compareFigure: 'Cifra',
    compareFigures: {
      wall: 'Duración (reloj)',
      processes: 'Procesos',
      workers: 'Obreros (fork)',
      cpu: 'Tiempo de CPU (muestras del SO)',
      messages: 'Mensajes IPC enviados',
      output: 'Salida (stdout + stderr)',
    },
    compareNoSamples: 'sin muestras',
    compareFaster: (x) => `B es ${x}× más rápida que A.`,
    compareSlower: (x) => `B es ${x}× más lenta que A.`,
    compareBusy: 'Hay una ejecución en marcha: detenla o espera a que termine.',
    compareRunEnded: (step, what, end) =>
      `La ejecución ${step} de 2 (${what}) ${end.timeout ? 'se quedó sin tiempo' : end.code !== null ? `terminó con el código de salida ${end.code}` : `terminó por la señal ${end.signal}`}.`,
    compareNoCores: 'La ejecución 1 de 2 nunca escribió «availableParallelism() = N»: no se sabe con cuántos obreros hacer la 2.',
    shortcuts: 'Atajos de teclado',
    close: 'Cerrar',
    blankHint: 'Pantalla en negro: pulsa cualquier tecla para volver.',
    keys: [
      ['N / Shift+N', 'Demo siguiente / anterior'],
      ['R / S', 'Ejecutar / Detener'],
      ['Espacio', 'Reproducir / Pausa'],
      ['→ ← o . ,', 'Evento siguiente / anterior'],
      ['AvPág / RePág', 'Paso de narración (o evento) siguiente / anterior'],
      ['] [', 'Más / menos velocidad'],
      ['T', 'Ritmo de clase sí / no'],
      ['+ −', 'Acercar / alejar la línea de tiempo'],
      ['L', 'Seguir en vivo'],
      ['F o P', 'Modo proyector'],
      ['C', 'Modo proyector: código y consola sí / no'],
      ['D', 'Tema claro / oscuro'],
      ['B', 'Pantalla en negro (cualquier tecla vuelve)'],
      ['E', 'Menú de exportar'],
      ['Ctrl+S / Ctrl+O', 'Guardar / abrir grabación'],
      ['?', 'Esta lista'],
    ],
  },
  en: {
    replay: 'Replay',
    play: 'Play',
    pause: 'Pause',
    stepBack: 'Previous event',
    stepForward: 'Next event',
    playhead: 'Playhead',
    speed: 'Speed',
    teaching: 'Teaching speed',
    teachingHint: 'Every event gets its moment: microsecond gaps are stretched, gaps of seconds shortened.',
    live: 'Live',
    saveRecording: DIALOG_TEXT.en.saveTitle.recording,
    openRecording: DIALOG_TEXT.en.openRecordingTitle,
    noRunToSave: 'There is no run to save.',
    projector: 'Projector mode',
    theme: 'Theme',
    themeNames: { light: 'Light', dark: 'Dark' },
    compare: 'Compare',
    closeCompare: 'Close compare',
    compareTitle: 'Compare two runs',
    compareOpen: 'Open the second recording',
    compareEmpty: 'Open a second recording (.obra.json or .ndjson), or run all-cores with 1 worker and with N: it is drawn under the other, on the same time axis.',
    compareOneVsAll: 'all-cores: 1 worker vs N',
    compareRunning: (step) => `Running ${step} of 2…`,
    compareStop: 'Stop the comparison',
    compareFiguresLabel: 'The two runs in figures',
    compareFigure: 'Figure',
    compareFigures: {
      wall: 'Wall time',
      processes: 'Processes',
      workers: 'Workers (fork)',
      cpu: 'CPU time (OS samples)',
      messages: 'IPC messages sent',
      output: 'Output (stdout + stderr)',
    },
    compareNoSamples: 'no samples',
    compareFaster: (x) => `B is ${x}× faster than A.`,
    compareSlower: (x) => `B is ${x}× slower than A.`,
    compareBusy: 'A run is still going: stop it or wait for its end first.',
    compareRunEnded: (step, what, end) =>
      `Run ${step} of 2 (${what}) ${end.timeout ? 'ran out of time' : end.code !== null ? `ended with exit code ${end.code}` : `ended by signal ${end.signal}`}.`,
    compareNoCores: 'Run 1 of 2 never printed "availableParallelism() = N": the number of workers for run 2 is unknown.',
    shortcuts: 'Keyboard shortcuts',
    close: 'Close',
    blankHint: 'Blank screen: press any key to come back.',
    keys: [
      ['N / Shift+N', 'Next / previous demo'],
      ['R / S', 'Run / Stop'],
      ['Space', 'Play / Pause'],
      ['→ ← or . ,', 'Next / previous event'],
      ['PageDown / PageUp', 'Next / previous narration step (or event)'],
      ['] [', 'Faster / slower'],
      ['T', 'Teaching speed on / off'],
      ['+ −', 'Zoom the timeline in / out'],
      ['L', 'Follow live'],
      ['F or P', 'Projector mode'],
      ['C', 'Projector mode: code and console on / off'],
      ['D', 'Light / dark theme'],
      ['B', 'Blank screen (any key returns)'],
      ['E', 'Export menu'],
      ['Ctrl+S / Ctrl+O', 'Save / open recording'],
      ['?', 'This list'],
    ],
  },
};
