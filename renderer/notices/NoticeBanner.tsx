import { useEffect } from 'react';
import type { LabEvent } from '../../shared/events';
import { formatNumber } from '../i18n/format';
import { useMessages } from '../i18n/useMessages';
import { noticeOf, type Notice } from '../store/notices';
import type { Messages } from '../i18n/messages';
import { syntaxPlaceOf } from '../../shared/syntax-error';
import { useLiveView, useObra, useObraStore } from '../store/useObra';
import { droppedCountOf } from '../../shared/dropped-batches';
import { onFailure } from './failures';
import { runIndexAt } from '../model/runIndexAt';

/** A notice's sentence: a file that does not parse is told in the page's language, where Node's words allow. */
function noticeText(notice: Notice, m: Messages): string {
  const place = syntaxPlaceOf(notice);
  return place ? m.editor.syntaxError(place.path, place.line, place.column, place.message) : notice.message;
}

/** Shown at most; older ones are counted. */
const MAX_SHOWN = 3;

/** Node's code and message of an error in the run (error events, failed callbacks, a failed run). */
export function runErrorOf(event: LabEvent): { code: string; message: string } | null {
  switch (event.type) {
    case 'error':
      return { code: event.code ?? event.name, message: event.message };
    case 'callback':
      return event.error ? { code: String(event.error.code ?? event.error.signal ?? 'Error'), message: event.error.message } : null;
    case 'run-end':
      return event.reason === 'error' ? { code: event.errorCode ?? 'ERR_OBRA_RUN', message: event.message ?? '' } : null;
    default:
      return null;
  }
}

/**
 * Failures as readable messages with Node's code: what the API refused
 * (a missing file, a limit), what a native file dialog could not do
 * (./failures.ts), and the errors of the run on screen. Dismissible.
 */
export function NoticeBanner() {
  const { m, lang } = useMessages();
  const store = useObraStore();
  useEffect(() => onFailure((error) => store.getState().pushNotice(noticeOf(error))), [store]);
  const { cursor } = useLiveView(240);
  const notices = useObra((s) => s.notices);
  const run = useObra((s) => s.run);
  const dismissedRun = useObra((s) => s.runErrorsDismissed);
  const dismissNotice = useObra((s) => s.dismissNotice);
  const dismissRunErrors = useObra((s) => s.dismissRunErrors);
  const selectEvent = useObra((s) => s.selectEvent);
  // The errors of the run by the playhead: at 327 ms the banner knows nothing of an exit at 1.7 s.
  const runErrors = run ? runIndexAt(run, cursor).errors.slice(dismissedRun) : [];
  if (notices.length === 0 && runErrors.length === 0) return null;
  const shown = runErrors.slice(-MAX_SHOWN);
  return (
    <div className="notice-banner" role="alert" aria-label={m.errors.label}>
      {notices.map((notice) => (
        <div key={notice.id} className="notice">
          <span className="octagon" aria-hidden="true" />
          <code className="notice-code">{notice.code}</code>
          <span className="notice-message">{noticeText(notice, m)}</span>
          <button type="button" className="small-button" onClick={() => dismissNotice(notice.id)}>
            {m.errors.dismiss}
          </button>
        </div>
      ))}
      {runErrors.length > 0 && run && (
        <div className="notice notice-run">
          <span className="octagon" aria-hidden="true" />
          <ul className="notice-run-list">
            {shown.map((index) => {
              const event = run.events[index];
              const error = runErrorOf(event);
              if (!error) return null;
              const dropped = droppedCountOf(event);
              return (
                <li key={index}>
                  <button type="button" className="link-button" onClick={() => selectEvent(index)}>
                    <code className="notice-code">{error.code}</code>
                  </button>{' '}
                  <span className="notice-message">{dropped === null ? error.message : m.errors.dropped(formatNumber(dropped, lang))}</span>
                  {event.type === 'error' && event.source && (
                    <code className="notice-source"> {`${event.source.file.split(/[\\/]/).pop()}:${event.source.line}`}</code>
                  )}
                  {event.pid !== null && <span className="notice-pid"> (pid {event.pid})</span>}
                </li>
              );
            })}
            {runErrors.length > shown.length && <li>{m.errors.more(formatNumber(runErrors.length - shown.length, lang))}</li>}
          </ul>
          <button type="button" className="small-button" onClick={dismissRunErrors}>
            {m.errors.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
