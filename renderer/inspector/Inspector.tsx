import { useEffect, useRef } from 'react';
import { useMessages } from '../i18n/useMessages';
import { useLiveView, useObra } from '../store/useObra';
import { EventDetails } from './EventDetails';
import { ProcessDetails } from './ProcessDetails';
import { runIndexAt } from '../model/runIndexAt';

/**
 * The drawer that shows the selected process (pid, parent, command, options,
 * exit, bytes, messages, CPU, RSS, the source line of the call) as it stood at
 * the playhead, and the selected event. Escape or the close button hides it.
 */
export function Inspector() {
  const { m, lang } = useMessages();
  const { cursor } = useLiveView(240);
  const open = useObra((s) => s.inspectorOpen);
  const run = useObra((s) => s.run);
  const selection = useObra((s) => s.selection);
  const close = useObra((s) => s.closeInspector);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, close]);

  if (!open || !run) return null;
  // The process as it stood at the playhead: not yet exited at 2.05 s if it exits at 2.68 s.
  const record = selection.pid === null ? undefined : runIndexAt(run, cursor).processes.get(selection.pid);
  const event = selection.eventIndex === null ? undefined : run.events[selection.eventIndex];
  return (
    <aside className="inspector" aria-label={m.inspector.title}>
      <div className="inspector-head">
        <h2 className="panel-title">{m.inspector.title}</h2>
        <button ref={closeButton} type="button" className="small-button" aria-label={m.inspector.close} onClick={close}>
          ×
        </button>
      </div>
      {event && <EventDetails event={event} m={m} lang={lang} />}
      {record && <ProcessDetails record={record} run={run} m={m} lang={lang} />}
    </aside>
  );
}
