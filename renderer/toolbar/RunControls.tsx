import { useMessages } from '../i18n/useMessages';
import { isBusy } from '../store/catalogueSlice';
import { useObra } from '../store/useObra';
import { CallbacksSwitch } from './CallbacksSwitch';

/**
 * Run and Stop. Their accessible names are the words on them ("Run"/"Stop" in
 * English, "Ejecutar"/"Detener" in Spanish); the icons are decoration.
 */
export function RunControls() {
  const { m } = useMessages();
  const status = useObra((s) => s.status);
  const hasScript = useObra((s) => s.script !== null);
  const startRun = useObra((s) => s.startRun);
  const stopRun = useObra((s) => s.stopRun);
  const canStop = status === 'running' || status === 'starting';
  const ownScript = useObra((s) => s.script?.kind === 'source' || s.script?.kind === 'file');
  return (
    <div className="run-controls">
      <button type="button" className="toolbar-button run-button" disabled={!hasScript || isBusy(status)} onClick={() => void startRun()}>
        <span aria-hidden="true" className="button-icon">
          ▶
        </span>
        {m.run}
      </button>
      <button type="button" className="toolbar-button stop-button" disabled={!canStop} onClick={() => void stopRun()}>
        <span aria-hidden="true" className="button-icon">
          ■
        </span>
        {m.stop}
      </button>
      {ownScript && <CallbacksSwitch disabled={isBusy(status)} />}
    </div>
  );
}
