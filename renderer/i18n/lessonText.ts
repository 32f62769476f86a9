import type { Lang } from '../../shared/api';
import type { Variant } from '../lessons/latencySeries';

/** The words of lessons: the narration panel, questions, Open lesson…, author mode, the console and the blocking lesson's latency chart. */
export interface LessonText {
  narration: { title: string; next: string; start: string; own: string; of: string };
  console: { title: string; empty: string; boss: string; cut: (bytes: string) => string; chunks: (n: string, bytes: string) => string };
  latency: { title: string; request: string; scale: string; series: Record<Variant, string> };
  question: {
    /** The badge of a step that asks first. */
    label: string;
    /** Under the question, before the answer is shown. */
    revealHint: string;
    /** After it: the key goes on with the replay. */
    continueHint: string;
    answer: string;
    /** Screen readers: which choice is right. */
    right: string;
  };
  open: {
    button: string;
    hint: string;
    /** Opened lesson in the demo picker. */
    picked: (title: string) => string;
  };
  author: {
    /** The button that opens author mode, and the panel's title. */
    open: string;
    title: string;
    close: string;
    pick: string;
    event: (type: string, pid: string, time: string) => string;
    binding: string;
    nth: string;
    es: string;
    en: string;
    preview: string;
    /** The check of the binding against the recording. */
    only: string;
    oneOf: (count: number, nth: number) => string;
    elsewhere: (time: string) => string;
    none: string;
    matchedAt: string;
    unfilled: (names: string) => string;
    add: string;
    remove: string;
    steps: string;
    noSteps: string;
    save: string;
    saved: (where: string) => string;
    referenced: (n: number) => string;
  };
}

export const LESSON_TEXT: Record<Lang, LessonText> = {
  es: {
    narration: {
      title: 'Paso a paso',
      next: 'Lo que viene',
      start: 'Ejecuta la demo: cada paso aparece cuando sucede.',
      own: 'Ejecuta tu programa: su historia se cuenta aquí, a partir de sus eventos.',
      of: 'de',
    },
    console: {
      title: 'Consola',
      empty: 'Lo que cada proceso escribe aparece acá, a medida que lo escribe.',
      boss: 'jefe',
      cut: (bytes) => `… (cuota de ${bytes} bytes)`,
      chunks: (n, bytes) => `… (${n} cuotas, ${bytes} bytes)`,
    },
    latency: {
      title: 'Cuánto tardó cada pedido a /fast',
      request: 'pedido',
      scale: 'ms, escala logarítmica: cada línea vale 10 veces la de abajo',
      series: { inline: 'en el proceso del jefe', fork: 'en un obrero (fork)' },
    },
    question: {
      label: 'Pregunta',
      revealHint: 'Piensa tu respuesta. Enter muestra lo que pasa.',
      continueHint: 'Enter sigue con la reproducción.',
      answer: 'Respuesta',
      right: 'correcta',
    },
    open: {
      button: 'Abrir lección…',
      hint: 'Una carpeta de lección: lesson.json, narration.json y sus scripts (en el navegador, sus archivos o un .zip)',
      picked: (title) => `Lección: ${title}`,
    },
    author: {
      open: 'Escribir pasos',
      title: 'Modo autor',
      close: 'Cerrar el modo autor',
      pick: 'Elige un evento en la línea de tiempo: el paso nuevo se cuenta en ese momento.',
      event: (type, pid, time) => `Evento: ${type} · pid ${pid} · ${time}`,
      binding: 'Qué evento lo alcanza («on», JSON)',
      nth: 'Coincidencia n.º',
      es: 'Texto en español',
      en: 'Texto en inglés',
      preview: 'Así se cuenta',
      only: 'Coincide con este evento y con ningún otro.',
      oneOf: (count, nth) => `Coincide con ${count} eventos; el paso se cuenta en este, el ${nth}.º.`,
      elsewhere: (time) => `El paso se contaría en otro evento (${time}), no en este.`,
      none: 'No coincide con ningún evento de la grabación.',
      matchedAt: 'Coincide en',
      unfilled: (names) => `Este evento no tiene ${names}.`,
      add: 'Agregar el paso',
      remove: 'Quitar',
      steps: 'Pasos de la lección',
      noSteps: 'Todavía no hay pasos.',
      save: 'Guardar narration.json',
      saved: (where) => `Guardado: ${where}`,
      referenced: (n) => `El paso ${n} depende de este: cambia ese primero.`,
    },
  },
  en: {
    narration: {
      title: 'Step by step',
      next: 'Coming up',
      start: 'Run the demo: each step appears as it happens.',
      own: 'Run your program: its story is told here, from its events.',
      of: 'of',
    },
    console: {
      title: 'Console',
      empty: 'What each process writes shows here, as it writes it.',
      boss: 'boss',
      cut: (bytes) => `… (a ${bytes}-byte chunk)`,
      chunks: (n, bytes) => `… (${n} chunks, ${bytes} bytes)`,
    },
    latency: {
      title: 'How long each /fast request took',
      request: 'request',
      scale: 'ms, log scale: each line is 10 times the one below',
      series: { inline: "in the boss's process", fork: 'in a forked worker' },
    },
    question: {
      label: 'Question',
      revealHint: 'Think of your answer. Enter shows what happens.',
      continueHint: 'Enter goes on with the replay.',
      answer: 'Answer',
      right: 'right',
    },
    open: {
      button: 'Open lesson…',
      hint: 'A lesson folder: lesson.json, narration.json and its scripts (in a browser, its files or a .zip)',
      picked: (title) => `Lesson: ${title}`,
    },
    author: {
      open: 'Write steps',
      title: 'Author mode',
      close: 'Close author mode',
      pick: 'Pick an event on the timeline: the new step is told at that moment.',
      event: (type, pid, time) => `Event: ${type} · pid ${pid} · ${time}`,
      binding: 'Which event reaches it (“on”, JSON)',
      nth: 'Match no.',
      es: 'Spanish text',
      en: 'English text',
      preview: 'Told as',
      only: 'Matches this event and no other.',
      oneOf: (count, nth) => `Matches ${count} events; the step is told at this one, match ${nth}.`,
      elsewhere: (time) => `The step would be told at another event (${time}), not this one.`,
      none: 'Matches no event of the recording.',
      matchedAt: 'Matches at',
      unfilled: (names) => `This event has no ${names}.`,
      add: 'Add the step',
      remove: 'Remove',
      steps: 'The lesson’s steps',
      noSteps: 'No steps yet.',
      save: 'Save narration.json',
      saved: (where) => `Saved: ${where}`,
      referenced: (n) => `Step ${n} depends on this one: change that first.`,
    },
  },
};
