import type { Lang } from '../../shared/api';
import type { TaskEvent } from '../../shared/events';
import { formatDuration, formatNumber } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { TASK_MESSAGES } from '../i18n/taskMessages';
import { describeTask, lateness } from '../timeline/describeTask';
import { DetailList } from './DetailList';

/** A selected callback: its kind, when it started, how long it ran, how late a timer was, and the line that set it. */
export function TaskDetails({ task, m, lang }: { task: TaskEvent; m: Messages; lang: Lang }) {
  const i = m.inspector;
  const t = TASK_MESSAGES[lang];
  const late = lateness(task);
  const count = task.count ?? 1;
  const source = task.source;
  return (
    <section className="inspector-section" aria-label={i.event} data-task-kind={task.kind}>
      <h3>{i.event}</h3>
      <p className="event-headline">{describeTask(task, lang)}</p>
      <DetailList
        rows={[
          [t.fields.kind, t.kind[task.kind]],
          [t.fields.start, formatDuration(task.t, lang)],
          [t.fields.duration, formatDuration(task.dur, lang)],
          [t.fields.due, task.due === undefined ? null : formatDuration(task.due, lang)],
          [t.fields.lateness, late === null ? null : late >= 1000 ? t.late(formatDuration(late, lang)) : t.onTime],
          [t.fields.count, count > 1 ? formatNumber(count, lang) : null],
          [t.fields.span, count > 1 && task.span !== undefined ? formatDuration(task.span, lang) : null],
          [i.pid, task.pid === null ? i.none : String(task.pid)],
          [m.timeline.thread, task.threadId === undefined ? null : String(task.threadId)],
          [t.fields.scheduledAt, source ? <code key="s">{`${source.file.split(/[\\/]/).pop()}:${source.line}`}</code> : null],
        ]}
      />
    </section>
  );
}
