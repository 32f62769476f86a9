import { pickFile, RECORDING_ACCEPT } from '../recording/pickFile';
import { saveRecording } from '../recording/recordingActions';
import { isBusy } from '../store/catalogueSlice';
import { localNotice } from '../store/notices';
import { useObra, useObraStore } from '../store/useObra';
import { useOpenFile } from '../toolbar/useOpenFile';
import { toggleProjector } from './projector';
import { useClassroomText } from './useClassroomText';

/** Toolbar buttons of the classroom: save/open a recording, compare, projector mode, theme, shortcuts. */
export function ClassroomTools() {
  const t = useClassroomText();
  const store = useObraStore();
  const hasRun = useObra((s) => s.run?.header != null && !isBusy(s.status));
  const busy = useObra((s) => isBusy(s.status));
  const projector = useObra((s) => s.projector);
  const theme = useObra((s) => s.theme);
  const compareOpen = useObra((s) => s.compareOpen);
  const openFile = useOpenFile();
  return (
    <div className="classroom-tools">
      <button type="button" className="toolbar-button" disabled={!hasRun} title={`${t.saveRecording} (Ctrl+S)`} onClick={() => saveRecording(store) ?? store.getState().pushNotice(localNotice('ERR_OBRA_NO_RUN', t.noRunToSave))}>
        {t.saveRecording}
      </button>
      <button type="button" className="toolbar-button open-recording-button" disabled={busy} title={`${t.openRecording} (Ctrl+O)`} onClick={() => void pickFile(RECORDING_ACCEPT).then((file) => file && openFile(file))}>
        {t.openRecording}
      </button>
      <button type="button" className="toolbar-button" aria-pressed={compareOpen} onClick={() => store.getState().setCompareOpen(!compareOpen)}>
        {t.compare}
      </button>
      <button type="button" className="toolbar-button" aria-pressed={projector} title={`${t.projector} (F)`} onClick={() => toggleProjector(store)}>
        {t.projector}
      </button>
      <button
        type="button"
        className="small-button"
        aria-label={`${t.theme}: ${t.themeNames[theme]}`}
        title={`${t.theme} (D)`}
        onClick={() => store.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> {t.themeNames[theme]}
      </button>
      <button type="button" className="small-button shortcuts-button" aria-label={t.shortcuts} title={`${t.shortcuts} (?)`} onClick={() => store.getState().setShortcutsOpen(true)}>
        ?
      </button>
    </div>
  );
}
