/**
 * The lesson panels' words — the narration, the console, the blocking
 * lesson's latency chart — in Spanish and English, written side by side.
 */
import type { Lang } from '../../shared/api';
import type { Variant } from '../lessons/latencySeries';

export interface LessonText {
  narration: { title: string; next: string; start: string; own: string; of: string };
  console: { title: string; empty: string; boss: string; cut: (bytes: string) => string; chunks: (n: string, bytes: string) => string };
  latency: { title: string; request: string; scale: string; series: Record<Variant, string> };
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
  },
};
