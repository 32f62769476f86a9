import type { Lang } from '../../shared/api';
import type { TaskEvent } from '../../shared/events';
import { formatDuration, formatNumber } from '../i18n/format';
import { TASK_MESSAGES } from '../i18n/taskMessages';

/** A timer's lateness in µs (its start minus when it was due), or null for callbacks that were not due at a time. */
export function lateness(task: TaskEvent): number | null {
  return task.due === undefined || (task.count ?? 1) > 1 ? null : task.t - task.due;
}

/** What a callback is called: its label (the main script by name), else its kind. */
export function taskName(task: TaskEvent, lang: Lang): string {
  const m = TASK_MESSAGES[lang];
  if (task.kind === 'other' && task.label === 'main') return m.main;
  return task.label ?? m.kind[task.kind];
}

/** One line for a callback: its kind, its label, how long it ran and, for a timer, how late. */
export function describeTask(task: TaskEvent, lang: Lang): string {
  const m = TASK_MESSAGES[lang];
  const count = task.count ?? 1;
  if (count > 1) return m.many(formatNumber(count, lang), m.kind[task.kind], formatDuration(task.dur, lang), formatDuration(task.span ?? task.dur, lang));
  const label = task.kind === 'other' && task.label === 'main' ? m.main : (task.label ?? '');
  const line = m.one(m.kind[task.kind], label, formatDuration(task.dur, lang));
  const late = lateness(task);
  if (late === null) return line;
  return `${line}, ${late >= 1000 ? m.late(formatDuration(late, lang)) : m.onTime}`;
}
