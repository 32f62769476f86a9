import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { formatBytes, formatDuration, formatNumber } from '../i18n/format';
import { describeTask } from './describeTask';
import type { Messages } from '../i18n/messages';
import type { ProcessRecord } from '../model/processRecord';

/** One line saying what an event is, in the reader's language, with its real numbers. */
export function describeEvent(event: LabEvent, m: Messages, lang: Lang): string {
  switch (event.type) {
    case 'stdout':
    case 'stderr':
      return m.events.output(event.type, formatBytes(event.bytes, lang), m.inspector.chunks(event.count ?? 1, formatNumber(event.count ?? 1, lang)));
    case 'message':
      return m.events.message(event.count ?? 1, formatNumber(event.count ?? 1, lang), event.from, event.to, formatBytes(event.bytes, lang)) + ` (${event.dir})`;
    case 'error':
      return `${event.code ?? event.name}: ${event.message}`;
    case 'exit':
    case 'close':
      return `${event.type}: ${exitText(event.code, event.signal, m)}`;
    case 'callback':
      return m.events.callback(
        event.api,
        event.error ? `${event.error.code ?? event.error.signal ?? ''} ${event.error.message}`.trim() : m.events.ok,
      );
    case 'kill':
      return m.events.kill(event.signal, event.target, event.pid, event.code);
    case 'call':
      return `${event.api}(${[event.command, ...event.args].join(' ')})`;
    case 'spawn':
      return `spawn: pid ${event.pid} (ppid ${event.ppid})`;
    case 'sample':
      return 'sample';
    case 'os-process':
      return `${event.command} (${event.state})`;
    case 'disconnect':
      return 'disconnect';
    case 'thread':
      return m.events.thread(event.state, event.thread, event.code);
    case 'run-start':
      return event.script;
    case 'task':
      return describeTask(event, lang);
    case 'run-end':
      return `run-end: ${event.reason}${event.errorCode ? ` ${event.errorCode}` : ''}`;
  }
}

export function exitText(code: number | null, signal: string | null, m: Messages): string {
  if (signal) return m.lifetime.killedBy(signal);
  if (code !== null) return m.lifetime.exitedCode(code);
  return m.inspector.none;
}

/** Where a process is in its life: running, exit code, killed by a signal, gone. */
export function lifetimeText(record: ProcessRecord, m: Messages): string {
  if (record.signal) return m.lifetime.killedBy(record.signal);
  if (record.exitCode !== null) return m.lifetime.exitedCode(record.exitCode);
  if (record.exitT !== null) return m.lifetime.gone;
  if (record.goneT !== null) return m.lifetime.gone;
  return m.lifetime.running;
}

export function timeText(t: number, lang: Lang): string {
  return formatDuration(t, lang);
}
