import { useCallback } from 'react';
import { MESSAGES } from '../i18n';
import { pickedLesson } from '../lessons/pickedLesson';
import { openRecordingFile } from '../recording/recordingActions';
import { isBusy } from '../store/catalogueSlice';
import { localNotice, noticeOf } from '../store/notices';
import { useObraStore } from '../store/useObra';

const SCRIPT = /\.(c|m)?js$/i;
const RECORDING = /\.(ndjson|json)$/i;
const ZIP = /\.zip$/i;

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

/**
 * Open what the reader chose or dropped: a lesson (several files, one .zip,
 * or anything picked with Open lesson…) is checked and shown; one file is
 * opened as above.
 */
export function useOpenFiles(): (files: readonly File[], how?: { lesson?: boolean }) => Promise<void> {
  const store = useObraStore();
  const openFile = useOpenFile();
  return useCallback(
    async (files, how = {}) => {
      const state = store.getState();
      if (!how.lesson && files.length === 1 && !ZIP.test(files[0].name)) return openFile(files[0]);
      if (isBusy(state.status)) {
        state.pushNotice(localNotice('ERR_OBRA_BUSY', MESSAGES[state.lang].dropWhileRunning));
        return;
      }
      try {
        state.openLesson(await pickedLesson(files));
      } catch (error) {
        store.getState().pushNotice(noticeOf(error));
      }
    },
    [store, openFile],
  );
}
