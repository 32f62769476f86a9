import { ExportMenu } from '../export/ExportMenu';
import { formatNumber, formatPercent } from '../i18n/format';
import { useMessages } from '../i18n/useMessages';
import { useObra } from '../store/useObra';
import { DemoPicker } from './DemoPicker';
import { LanguageSwitch } from './LanguageSwitch';
import { LiveCounters } from './LiveCounters';
import { OpenLessonButton } from './OpenLessonButton';
import { OpenScriptButton } from './OpenScriptButton';
import { RunControls } from './RunControls';
import { ClassroomTools } from '../replay/ClassroomTools';

/** Top bar: what to run, Run/Stop, the run's status and totals, the language. */
export function Toolbar() {
  const { m } = useMessages();
  return (
    <header className="toolbar" aria-label={m.toolbar}>
      <h1 className="app-name">
        <svg className="app-logo" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3 17h18v2H3zM5 16a7 7 0 0 1 14 0z" fill="#E69F00" stroke="#5c3d00" strokeWidth="1" />
          <rect x="10.5" y="6" width="3" height="5" rx="1" fill="#5c3d00" />
        </svg>
        Obra
      </h1>
      <DemoPicker />
      <OpenScriptButton />
      <OpenLessonButton />
      <RunControls />
      <RunStatus />
      <LiveCounters />
      <ClassroomTools />
      <LanguageSwitch />
      <ExportMenu />
    </header>
  );
}

/** The run's status; while a recording opens, how far its reading got (its own component: that changes a few times a second). */
function RunStatus() {
  const { m, lang } = useMessages();
  const status = useObra((s) => s.status);
  const endReason = useObra((s) => s.run?.index.runEnd?.reason ?? null);
  const progress = useObra((s) => s.loadProgress);
  const loadingText = progress
    ? m.status.loading(formatNumber(progress.events, lang), formatPercent(progress.size > 0 ? progress.bytes / progress.size : 1, lang))
    : m.status.starting;
  const statusText = status === 'ended' ? (endReason ? m.status.ended[endReason] : m.status.ended.exit) : status === 'loading' ? loadingText : m.status[status];
  return (
    <span className={`run-status status-${status}`} role="status">
      {statusText}
    </span>
  );
}
