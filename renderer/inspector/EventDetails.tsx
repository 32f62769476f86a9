import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { formatBytes, formatDuration } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { describeEvent } from '../timeline/describeEvent';
import { DetailList } from './DetailList';
import { TaskDetails } from './TaskDetails';

/** The selected event: what it is, when, and its own fields (preview, code, source). */
export function EventDetails({ event, m, lang }: { event: LabEvent; m: Messages; lang: Lang }) {
  const i = m.inspector;
  if (event.type === 'task') return <TaskDetails task={event} m={m} lang={lang} />;
  const preview = 'preview' in event ? event.preview : null;
  const bytes = 'bytes' in event ? formatBytes(event.bytes, lang) : null;
  const source = event.type === 'error' || event.type === 'call' ? event.source : null;
  return (
    <section className="inspector-section" aria-label={i.event}>
      <h3>{i.event}</h3>
      <p className="event-headline">{describeEvent(event, m, lang)}</p>
      <DetailList
        rows={[
          [i.type, event.type],
          [i.time, formatDuration(event.t, lang)],
          [i.pid, event.pid === null ? i.none : String(event.pid)],
          [i.bytes, bytes],
          [i.preview, preview ? <code key="p">{preview}</code> : null],
          [i.source, source ? <code key="s">{`${source.file.split(/[\\/]/).pop()}:${source.line}`}</code> : null],
          [i.syscall, event.type === 'error' ? event.syscall : null],
        ]}
      />
    </section>
  );
}
