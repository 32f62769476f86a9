/**
 * Every word the stage shows, in Spanish and English (written side by side,
 * not translated by machine), and the number formats of each language:
 * es "4.096 bytes", en "4,096 bytes" (numbers by shared/number-format.ts).
 */
import { formatNumber } from '../../shared/number-format';

export type StageLang = 'es' | 'en';

export interface StageLabels {
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

const es: StageLabels = {
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
  more: (n) => `+${formatCount(n, 'es')} más`,
  alive: (n) => `${formatCount(n, 'es')} activos`,
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
    `Jefe de obra ${pid ?? '—'} y ${formatCount(n, 'es')} ${n === 1 ? 'obrero' : 'obreros'}` +
    (n > 0 ? `, ${formatCount(running, 'es')} ${running === 1 ? 'activo' : 'activos'}` : ''),
  kind: { exec: 'exec', execFile: 'execFile', spawn: 'spawn', fork: 'fork', os: 'proceso del sistema' },
  noRun: 'Elegí una demo y tocá Run para ver la obra',
};

const en: StageLabels = {
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
  more: (n) => `+${formatCount(n, 'en')} more`,
  alive: (n) => `${formatCount(n, 'en')} running`,
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
    `Boss ${pid ?? '—'} and ${formatCount(n, 'en')} ${n === 1 ? 'worker' : 'workers'}` +
    (n > 0 ? `, ${formatCount(running, 'en')} running` : ''),
  kind: { exec: 'exec', execFile: 'execFile', spawn: 'spawn', fork: 'fork', os: 'OS process' },
  noRun: 'Pick a demo and press Run to watch the site',
};

export function stageLabels(lang: StageLang): StageLabels {
  return lang === 'es' ? es : en;
}

/** "Round 2 · 2 workers", "Tanda 1 · 2 hilos", "Round 1 · 1 worker, 2 threads"; without "Round n · " when n is null. */
function roundText(lang: StageLang, n: number | null, workers: number, threads: number, words: { round: string; worker: [string, string]; thread: [string, string] }): string {
  const counted = (k: number, [one, many]: [string, string]) => `${formatCount(k, lang)} ${k === 1 ? one : many}`;
  const parts = [workers > 0 || threads === 0 ? counted(workers, words.worker) : null, threads > 0 ? counted(threads, words.thread) : null];
  return `${n === null ? '' : `${words.round} ${formatCount(n, lang)} · `}${parts.filter(Boolean).join(', ')}`;
}

/** A whole number in the reader's locale: es 50.001, en 50,001. */
export function formatCount(n: number, lang: StageLang): string {
  return formatNumber(Math.round(n), lang);
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/**
 * Bytes with their unit: exact below 100,000 ("4.096 B" / "4,096 B"),
 * then binary units with one decimal below 100 ("9,4 MiB" / "9.4 MiB").
 */
export function bytesLabel(bytes: number, lang: StageLang): string {
  if (bytes < 100_000) return `${formatCount(bytes, lang)} B`;
  let v = bytes / 1024;
  let unit = 0;
  while (v >= 1024 && unit < UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${formatNumber(v, lang, v < 100 ? 1 : 0)} ${UNITS[unit]}`;
}

/** Percent of one core, rounded: "87 %" in Spanish, "87%" in English. */
export function percentLabel(p: number, lang: StageLang): string {
  const n = formatCount(p, lang);
  return lang === 'es' ? `${n} %` : `${n}%`;
}

/** Well-known long codes, shortened so they fit on a sign; the full code stays in the tooltip. */
const SHORT_CODES: Record<string, string> = {
  ERR_CHILD_PROCESS_STDIO_MAXBUFFER: 'MAXBUFFER',
  ERR_IPC_CHANNEL_CLOSED: 'IPC CLOSED',
  ERR_IPC_DISCONNECTED: 'IPC GONE',
  ERR_INVALID_ARG_TYPE: 'ARG TYPE',
  ERR_INVALID_ARG_VALUE: 'ARG VALUE',
  ERR_UNKNOWN_SIGNAL: 'SIGNAL?',
  ABORT_ERR: 'ABORT',
};

/** An error code as it fits on a stop sign (≤ 10 characters). */
export function shortCode(code: string): string {
  const known = SHORT_CODES[code];
  if (known) return known;
  if (code.length <= 10) return code;
  const words = code.replace(/^ERR_(OBRA_)?/, '').split('_');
  // Keep the last words that fit: the end of a Node code names what happened.
  let out = words[words.length - 1];
  for (let i = words.length - 2; i >= 0; i--) {
    const next = `${words[i]} ${out}`;
    if (next.length > 10) break;
    out = next;
  }
  return out.length <= 10 ? out : `${out.slice(0, 9)}…`;
}

/** A command line cut to fit a label, with an ellipsis. */
export function shortText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * A line too long for `max` characters, broken at a space into two lines (the second cut if it
 * must be), so a command is read whole where two lines fit it; null when it fits on one.
 */
export function twoLines(text: string, max: number): [string, string] | null {
  if (text.length <= max) return null;
  const cut = text.lastIndexOf(' ', max);
  if (cut <= 0) return [shortText(text, max), ''];
  return [text.slice(0, cut), shortText(text.slice(cut + 1), max)];
}
