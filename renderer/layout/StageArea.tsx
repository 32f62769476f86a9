import type { LabEvent } from '../../shared/events';
import { useMessages } from '../i18n/useMessages';
import { Stage } from '../stage/Stage';
import { PanelBoundary } from './PanelBoundary';
import { useLiveView, useObra } from '../store/useObra';

const NO_EVENTS: readonly LabEvent[] = [];

/** The stage (drawn by renderer/stage) fed with the shown run's log and the shared playhead. */
export function StageArea() {
  const { m, lang } = useMessages();
  const { version, cursor } = useLiveView(40);
  const run = useObra((s) => s.run);
  const selectedPid = useObra((s) => s.selection.pid);
  const selectProcess = useObra((s) => s.selectProcess);
  const theme = useObra((s) => s.theme);
  return (
    <div className="stage-area">
      <PanelBoundary name={m.panels.stage} retry={m.panels.retry} resetKey={run}>
        <Stage log={run?.events ?? NO_EVENTS} version={version} cursor={cursor} lang={lang} selectedPid={selectedPid} onSelectPid={selectProcess} theme={theme} tasks={run?.index.tasks} />
      </PanelBoundary>
      {!run && <p className="stage-empty">{m.emptyStage}</p>}
    </div>
  );
}
