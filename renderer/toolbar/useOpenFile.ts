import { useCallback } from 'react';
import { MESSAGES } from '../i18n';
import { openRecordingFile } from '../recording/recordingActions';
import { isBusy } from '../store/catalogueSlice';
import { localNotice, noticeOf } from '../store/notices';
import { useObraStore } from '../store/useObra';

const SCRIPT = /\.(c|m)?js$/i;
const RECORDING = /\.(ndjson|json)$/i;

/** Open a file the user chose or dropped: a script runs; a recording (.obra.json, .ndjson) is shown. */
export function useOpenFile(): (file: File) => Promise<void> {
  const store = useObraStore();
  return useCallback(
    async (file: File) => {
      const state = store.getState();
      const m = MESSAGES[state.lang];
      if (isBusy(state.status)) {
        state.pushNotice(localNotice('ERR_OBRA_BUSY', m.dropWhileRunning));
        return;
      }
      try {
        if (SCRIPT.test(file.name)) await state.openScript(file.name, await file.text());
        else if (RECORDING.test(file.name)) await openRecordingFile(store, file);
        else state.pushNotice(localNotice('ERR_OBRA_NOT_A_SCRIPT', m.notAScript(file.name)));
      } catch (error) {
        store.getState().pushNotice(noticeOf(error));
      }
    },
    [store],
  );
}
