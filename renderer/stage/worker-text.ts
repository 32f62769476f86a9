/** The words under a worker and the sentence a screen reader says about it. */
import type { WorkerView } from './derive';
import { BUSY_LOAD } from './derive';
import { flagText } from './art/Flag';
import { bytesLabel, formatCount, percentLabel } from './labels';
import { STAGE_TEXT } from '../i18n/stageText';
import type { Lang } from '../../shared/api';

/** The status line: CPU, output so far, messages, or why it is not running. */
export function statusLine(w: WorkerView, lang: Lang): string {
  const L = STAGE_TEXT[lang];
  if (w.status === 'failed') return L.notStarted;
  if (w.status === 'starting') return '…';
  const p = w.process;
  const parts: string[] = [];
  // A grandchild says whose it is: its crates and envelopes go to that worker, not to the boss.
  // An orphan says so: its parent is gone and the OS gave it another one.
  if (w.orphanOf !== null) parts.push(L.orphan(w.orphanOf));
  else if (w.depth > 1 && p.parentPid !== null) parts.push(`↳ ${p.parentPid}`);
  if (w.status === 'running' && w.cpu !== null) parts.push(`${L.cpu} ${percentLabel(w.cpu, lang)}`);
  // Each stream by itself, as the parent's 'data' listeners count it: the boss's
  // "97 chunks" on stdout is 97 here too, whatever went to stderr.
  if (p.stdout.bytes > 0) parts.push(streamText('▪', p.stdout, lang));
  if (p.stderr.bytes > 0) parts.push(streamText('▨ stderr', p.stderr, lang));
  if (p.kind === 'fork' || p.toParent.sent + p.fromParent.received > 0) {
    parts.push(`✉ ↑${formatCount(p.toParent.sent, lang)} ↓${formatCount(p.fromParent.received, lang)}`);
  }
  if (w.pipesOpen) parts.push(L.pipesOpen);
  if (parts.length === 0) return w.status === 'running' ? L.waiting : w.status === 'gone' ? L.finished : '';
  return parts.join(' · ');
}

function streamText(mark: string, stream: { bytes: number; chunks: number }, lang: Lang): string {
  const bytes = `${mark} ${bytesLabel(stream.bytes, lang)}`;
  return stream.chunks >= 10 ? `${bytes} · ${formatCount(stream.chunks, lang)} ${STAGE_TEXT[lang].chunks}` : bytes;
}

export function workerAria(w: WorkerView, lang: Lang): string {
  const L = STAGE_TEXT[lang];
  const thread = w.process.thread;
  const who =
    w.kind === 'os' ? `${L.kind.os} ${w.pid ?? '—'}` : thread !== null ? `${L.threadOf(thread, w.pid)}, ${w.badge}` : `${L.worker} ${w.pid ?? '—'}, ${w.badge}`;
  const parts = [who, w.fullCommand];
  if (w.orphanOf !== null) parts.push(L.orphan(w.orphanOf));
  else if (w.depth > 1 && w.process.parentPid !== null && thread === null) parts.push(`${L.childOf} ${w.process.parentPid}`);
  if (w.status === 'running') parts.push(w.load >= BUSY_LOAD ? L.working : L.waiting);
  if (w.status === 'failed') parts.push(L.notStarted);
  if (w.flag) parts.push(w.flag.signal ? `${L.signal} ${w.flag.signal}` : `${L.exitCode} ${flagText(w.flag.code, null)}`);
  const signalled = w.process.signalled;
  if (w.sign && !(signalled && !w.process.error)) parts.push(`${L.error} ${w.sign.code}`);
  if (signalled) parts.push(L.signalFrom(signalled.signal, signalled.from));
  const line = statusLine(w, lang);
  if (line && line !== L.notStarted && line !== L.waiting) parts.push(line);
  return parts.join(', ');
}
