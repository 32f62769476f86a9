/**
 * Every word the stage shows, in Spanish and English (written side by side,
 * not translated by machine). Numbers in them are the reader's: es 4.096,
 * en 4,096.
 */
import type { Lang } from '../../shared/api';
import { formatNumber } from '../../shared/number-format';

export interface StageText {
  boss: string;
  worker: string;
  workers: string;
  blocked: string;
  waiting: string;
  working: string;
  finished: string;
  failed: string;
  stopped: string;
  notStarted: string;
  more: (n: number) => string;
  alive: (n: number) => string;
  cpu: string;
  shell: string;
  sampled: string;
  buffer: string;
  delivered: string;
  chunks: string;
  messages: string;
  sent: string;
  received: string;
  exitCode: string;
  signal: string;
  error: string;
  pipesOpen: string;
  childOf: string;
  /** A process whose parent `pid` ended before it: re-parented by the OS. */
  orphan: (pid: number) => string;
  orphanWord: string;
  /** The heading of the boss's nth round of workers and Worker threads (n null: its counts alone, for a narrow round). */
  round: (n: number | null, workers: number, threads: number) => string;
  /** A signal the program sent this process with process.kill. */
  signalFrom: (signal: string, pid: number | null) => string;
  /** A Worker thread: its name on the stage ("t1"), and what a screen reader says of it. */
  threadLabel: (thread: number) => string;
  threadOf: (thread: number, pid: number | null) => string;
  summary: (bossPid: number | null, workers: number, running: number) => string;
  kind: Record<'exec' | 'execFile' | 'spawn' | 'fork' | 'os', string>;
  noRun: string;
}

const es: StageText = {
  boss: 'jefe',
  worker: 'obrero',
  workers: 'obreros',
  blocked: 'bloqueado',
  waiting: 'esperando',
  working: 'trabajando',
  finished: 'terminó',
  failed: 'falló',
  stopped: 'detenido',
  notStarted: 'no arrancó',
  more: (n) => `+${formatNumber(n, 'es')} más`,
  alive: (n) => `${formatNumber(n, 'es')} activos`,
  cpu: 'CPU',
  shell: 'shell',
  sampled: 'visto por muestreo del sistema',
  buffer: 'búfer',
  delivered: 'entregado',
  chunks: 'cuotas',
  messages: 'mensajes',
  sent: 'enviados',
  received: 'recibidos',
  exitCode: 'código de salida',
  signal: 'señal',
  error: 'error',
  pipesOpen: 'salió; tuberías abiertas',
  childOf: 'hijo de',
  orphan: (pid) => `huérfano: ${pid} ya no está`,
  orphanWord: 'huérfano',
  signalFrom: (signal, pid) => `señal ${signal} enviada por ${pid ?? '—'}`,
  round: (n, workers, threads) => roundText('es', n, workers, threads, { round: 'Tanda', worker: ['obrero', 'obreros'], thread: ['hilo', 'hilos'] }),
  threadLabel: (thread) => `h${thread}`,
  threadOf: (thread, pid) => `hilo ${thread} del proceso ${pid ?? '—'}`,
  summary: (pid, n, running) =>
    `Jefe de obra ${pid ?? '—'} y ${formatNumber(n, 'es')} ${n === 1 ? 'obrero' : 'obreros'}` +
    (n > 0 ? `, ${formatNumber(running, 'es')} ${running === 1 ? 'activo' : 'activos'}` : ''),
  kind: { exec: 'exec', execFile: 'execFile', spawn: 'spawn', fork: 'fork', os: 'proceso del sistema' },
  noRun: 'Elegí una demo y tocá Run para ver la obra',
};

const en: StageText = {
  boss: 'boss',
  worker: 'worker',
  workers: 'workers',
  blocked: 'blocked',
  waiting: 'waiting',
  working: 'working',
  finished: 'finished',
  failed: 'failed',
  stopped: 'stopped',
  notStarted: 'did not start',
  more: (n) => `+${formatNumber(n, 'en')} more`,
  alive: (n) => `${formatNumber(n, 'en')} running`,
  cpu: 'CPU',
  shell: 'shell',
  sampled: 'seen by OS sampling',
  buffer: 'buffer',
  delivered: 'delivered',
  chunks: 'chunks',
  messages: 'messages',
  sent: 'sent',
  received: 'received',
  exitCode: 'exit code',
  signal: 'signal',
  error: 'error',
  pipesOpen: 'exited; pipes open',
  childOf: 'child of',
  orphan: (pid) => `orphan: ${pid} is gone`,
  orphanWord: 'orphan',
  signalFrom: (signal, pid) => `signal ${signal} sent by ${pid ?? '—'}`,
  round: (n, workers, threads) => roundText('en', n, workers, threads, { round: 'Round', worker: ['worker', 'workers'], thread: ['thread', 'threads'] }),
  threadLabel: (thread) => `t${thread}`,
  threadOf: (thread, pid) => `thread ${thread} of process ${pid ?? '—'}`,
  summary: (pid, n, running) =>
    `Boss ${pid ?? '—'} and ${formatNumber(n, 'en')} ${n === 1 ? 'worker' : 'workers'}` +
    (n > 0 ? `, ${formatNumber(running, 'en')} running` : ''),
  kind: { exec: 'exec', execFile: 'execFile', spawn: 'spawn', fork: 'fork', os: 'OS process' },
  noRun: 'Pick a demo and press Run to watch the site',
};

export const STAGE_TEXT: Record<Lang, StageText> = { es, en };

/** "Round 2 · 2 workers", "Tanda 1 · 2 hilos", "Round 1 · 1 worker, 2 threads"; without "Round n · " when n is null. */
function roundText(lang: Lang, n: number | null, workers: number, threads: number, words: { round: string; worker: [string, string]; thread: [string, string] }): string {
  const counted = (k: number, [one, many]: [string, string]) => `${formatNumber(k, lang)} ${k === 1 ? one : many}`;
  const parts = [workers > 0 || threads === 0 ? counted(workers, words.worker) : null, threads > 0 ? counted(threads, words.thread) : null];
  return `${n === null ? '' : `${words.round} ${formatNumber(n, lang)} · `}${parts.filter(Boolean).join(', ')}`;
}
