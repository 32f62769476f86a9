import type { Lang } from '../../shared/api';
import type { TaskKind } from '../../shared/events';

/** The words for the event loop's callbacks (`task` events): the callback track, the stage's queue, the inspector. */
export interface TaskMessages {
  /** The callback track, under each Node process's lane. */
  track: string;
  /** What the toolbar's switch does (own scripts only). */
  switchHint: string;
  kind: Record<TaskKind, string>;
  /** The main script's first run (kind `other`, label `main`). */
  main: string;
  /** One callback: its kind and label, how long it ran. */
  one: (kind: string, label: string, dur: string) => string;
  /** `count` callbacks of one kind summed under load. */
  many: (count: string, kind: string, dur: string, span: string) => string;
  /** How late a timer ran (or early, by less than a millisecond). */
  late: (late: string) => string;
  onTime: string;
  /** The legend's word for a late timer's bracket. */
  bracket: string;
  fields: { kind: string; start: string; duration: string; due: string; lateness: string; scheduledAt: string; count: string; span: string };
  /** The stage's queue of a Node process. */
  queue: { label: (name: string) => string; running: string; waiting: string; more: (count: string) => string };
}

const en: TaskMessages = {
  track: 'callbacks',
  switchHint: 'Record every callback the event loops run (next run). Callback-heavy programs run slower with it.',
  kind: { timer: 'timer', immediate: 'setImmediate', fs: 'file system', net: 'network', http: 'HTTP', child: 'child process', ipc: 'message', other: 'other' },
  main: 'main script',
  one: (kind, label, dur) => `${kind} callback${label ? ` ${label}` : ''}: ran ${dur}`,
  many: (count, kind, dur, span) => `${count} ${kind} callbacks: ${dur} in all, over ${span}`,
  late: (late) => `${late} late`,
  onTime: 'on time',
  bracket: 'timer: due → ran',
  fields: { kind: 'kind', start: 'started', duration: 'ran', due: 'due', lateness: 'lateness', scheduledAt: 'set at', count: 'callbacks', span: 'over' },
  queue: { label: (name) => `${name}'s queue of callbacks`, running: 'running', waiting: 'waiting', more: (count) => `+${count} more` },
};

const es: TaskMessages = {
  track: 'callbacks',
  switchHint: 'Registrar cada callback que ejecutan los bucles de eventos (próxima ejecución). Con esto, los programas con muchos callbacks van más lentos.',
  kind: { timer: 'temporizador', immediate: 'setImmediate', fs: 'archivos', net: 'red', http: 'HTTP', child: 'proceso hijo', ipc: 'mensaje', other: 'otro' },
  main: 'script principal',
  one: (kind, label, dur) => `callback de ${kind}${label ? ` ${label}` : ''}: duró ${dur}`,
  many: (count, kind, dur, span) => `${count} callbacks de ${kind}: ${dur} en total, a lo largo de ${span}`,
  late: (late) => `${late} tarde`,
  onTime: 'a tiempo',
  bracket: 'temporizador: debía → corrió',
  fields: { kind: 'tipo', start: 'empezó', duration: 'duró', due: 'debía', lateness: 'retraso', scheduledAt: 'pedido en', count: 'callbacks', span: 'a lo largo de' },
  queue: { label: (name) => `pila de tareas del ${name}`, running: 'ejecutando', waiting: 'esperando', more: (count) => `+${count} más` },
};

export const TASK_MESSAGES: Record<Lang, TaskMessages> = { es, en };
