/**
 * The run's figures as text: a one-screen summary after a recording, and the
 * one-line live counter rewritten while it runs.
 */
import type { ProcessKind, RunSummary } from '../../shared/summary';

const n = (x: number) => x.toLocaleString('en-US');

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${n(bytes)} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Exact bytes, with the rounded size beside them when it helps. */
function exactBytes(bytes: number): string {
  return bytes < 1024 ? `${n(bytes)} B` : `${n(bytes)} B (${formatBytes(bytes)})`;
}

export function formatDuration(us: number): string {
  if (us < 1000) return `${n(Math.round(us))} µs`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(1)} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}

const KIND_ORDER: ProcessKind[] = ['boss', 'fork', 'spawn', 'exec', 'execFile', 'spawnSync', 'execSync', 'execFileSync', 'os'];

function processLine(s: RunSummary): string {
  const parts = KIND_ORDER.filter((k) => s.processes.byKind[k]).map((k) => `${k === 'os' ? 'only sampled' : k} ${s.processes.byKind[k]}`);
  return `${s.processes.count}${parts.length ? ' — ' + parts.join(' · ') : ''}`;
}

function endLine(s: RunSummary, duration: string): string {
  const boss = s.boss.signal ? `boss killed by ${s.boss.signal}` : s.boss.code === null ? 'boss exit unknown' : `boss exit code ${s.boss.code}`;
  switch (s.end?.reason) {
    case 'exit':
      return `ended by itself after ${duration} · ${boss}`;
    case 'stopped':
      return `stopped after ${duration} (whole tree killed) · ${boss}`;
    case 'timeout':
      return `stopped by --max-duration after ${duration} · ${boss}`;
    case 'error':
      return `lab error after ${duration}: ${s.end.message ?? ''} (${s.end.errorCode ?? 'ERR_OBRA_INTERNAL'})`;
    default:
      return `still running after ${duration}`;
  }
}

/** Signals sent with process.kill, when there were any. */
function signalLine(s: RunSummary): string[] {
  if (!s.signals.sent) return [];
  const by = Object.entries(s.signals.bySignal).map(([signal, count]) => `${signal} ×${count}`).join(' · ');
  return [`  signals    ${n(s.signals.sent)} sent with process.kill — ${by}`];
}

/** The summary printed after `obra record`. */
export function formatSummary(s: RunSummary, title: string): string {
  const lines = [
    title,
    `  run        ${endLine(s, formatDuration(s.durationUs))}`,
    `  processes  ${processLine(s)}`,
    `  calls      ${n(s.calls)} child_process call${s.calls === 1 ? '' : 's'}` +
      (s.threads ? ` · ${n(s.threads)} Worker thread${s.threads === 1 ? '' : 's'}` : ''),
    `  output     stdout ${exactBytes(s.bytes.stdout)} in ${n(s.chunks.stdout)} chunk${s.chunks.stdout === 1 ? '' : 's'}` +
      ` · stderr ${exactBytes(s.bytes.stderr)} in ${n(s.chunks.stderr)}`,
    `  messages   ${n(s.messages.sent)} sent · ${n(s.messages.received)} received` +
      (s.messages.sent + s.messages.received ? ` (${formatBytes(s.messages.bytesSent)} / ${formatBytes(s.messages.bytesReceived)})` : ''),
    ...signalLine(s),
    `  errors     ${n(s.errors.count)}` +
      (s.errors.count ? ' — ' + Object.entries(s.errors.byCode).map(([code, count]) => `${code} ×${count}`).join(' · ') : ''),
  ];
  for (const e of s.errors.first.slice(0, 5)) {
    lines.push(`             ${e.where}${e.pid !== null ? ` in ${e.pid}` : ''}: ${clip(e.message.split('\n')[0], 70)}`);
  }
  if (s.errors.count > 5) lines.push(`             … and ${s.errors.count - 5} more in the log`);
  return lines.join('\n') + '\n';
}

/** The live counter: one short line, rewritten about ten times a second on a terminal. */
export function formatLiveLine(s: RunSummary, width: number): string {
  const line =
    `● ${formatDuration(s.durationUs)} · ${s.processes.count} proc · ` +
    `out ${formatBytes(s.bytes.stdout)} · err ${formatBytes(s.bytes.stderr)} · ` +
    `msg ${n(s.messages.sent)}→${n(s.messages.received)} · ${s.errors.count} err · ${n(s.events)} events`;
  return clip(line, Math.max(20, width - 1));
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
