import type { Lang } from '../../shared/api';

/** The words of lessons: the narration panel, questions, Open lesson… and author mode. */
export interface LessonText {
  narration: { title: string; next: string; start: string; own: string; of: string };
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
    zipOnly: string;
  };
}

export const LESSON_TEXT: Record<Lang, LessonText> = {
  es: {
    narration: {
      title: 'Paso a paso',
      next: 'Lo que viene',
      start: 'Ejecuta la demo: cada paso aparece cuando sucede.',
      own: 'La narración acompaña a las demos. Para tu propio programa, mira el escenario y la línea de tiempo.',
      of: 'de',
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
      zipOnly: 'Elige los archivos de la lección, o un solo .zip con ellos.',
    },
  },
  en: {
    narration: {
      title: 'Step by step',
      next: 'Coming up',
      start: 'Run the demo: each step appears as it happens.',
      own: 'Narration comes with the demos. For your own program, watch the stage and the timeline.',
      of: 'of',
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
      zipOnly: 'Pick the lesson’s files, or one .zip holding them.',
    },
  },
};
