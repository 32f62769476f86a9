import { useCallback } from 'react';
import { MAX_REQUEST_BYTES } from '../../shared/api';
import { LESSON_FILE } from '../../shared/lesson';
import { MAX_RUN_FILES } from '../../shared/run-files';
import { openedScripts, type PickedFile } from '../editor/openedFiles';
import { MESSAGES } from '../i18n';
import { pickedLesson } from '../lessons/pickedLesson';
import { openRecordingFile } from '../recording/recordingActions';
import { isBusy } from '../store/catalogueSlice';
import { localNotice, noticeOf } from '../store/notices';
import { useObraStore } from '../store/useObra';

const RECORDING = /\.(ndjson|json)$/i;
const ZIP = /\.zip$/i;

/**
 * Open what the user chose or dropped: one recording (.obra.json, .ndjson) is
 * shown; scripts (one, several, or a folder's) are shown in the code panel,
 * together, and Run starts them.
 */
export function useOpenFile(): (files: File | readonly File[]) => Promise<void> {
  const store = useObraStore();
  return useCallback(
    async (given: File | readonly File[]) => {
      const chosen = given instanceof File ? [given] : given;
      const state = store.getState();
      const m = MESSAGES[state.lang];
      if (chosen.length === 0) return;
      if (isBusy(state.status)) {
        state.pushNotice(localNotice('ERR_OBRA_BUSY', m.dropWhileRunning));
        return;
      }
      try {
        if (chosen.length === 1 && RECORDING.test(chosen[0].name)) {
          await openRecordingFile(store, chosen[0]);
          return;
        }
        const opened = openedScripts(await Promise.all(chosen.map(readPicked)));
        if (!opened) {
          const names = chosen.map((f) => f.name).join(', ');
          state.pushNotice(localNotice('ERR_OBRA_NOT_A_SCRIPT', chosen.length === 1 ? m.notAScript(names) : `${names}: ${m.editor.noScript}`));
          return;
        }
        for (const why of ['not-text', 'too-many', 'too-big'] as const) {
          const names = opened.skipped.filter((s) => s.why === why).map((s) => s.path);
          if (names.length === 0) continue;
          const reason = why === 'not-text' ? m.editor.notText : why === 'too-many' ? m.editor.tooMany(MAX_RUN_FILES) : m.editor.tooBig(String(Math.round(MAX_REQUEST_BYTES / 2 ** 20)));
          state.pushNotice(localNotice(why === 'not-text' ? 'ERR_OBRA_NOT_TEXT' : 'ERR_OBRA_TOO_LARGE', m.editor.skipped(names.join(', '), reason)));
        }
        store.getState().openScripts(opened.files, opened.entry);
      } catch (error) {
        store.getState().pushNotice(noticeOf(error));
      }
    },
    [store],
  );
}

/**
 * Open what the reader chose or dropped: a lesson (one .zip, files among which
 * is a lesson.json, or anything picked with Open lesson…) is checked and
 * shown; anything else is opened as above.
 */
export function useOpenFiles(): (files: readonly File[], how?: { lesson?: boolean }) => Promise<void> {
  const store = useObraStore();
  const openFile = useOpenFile();
  return useCallback(
    async (files, how = {}) => {
      const state = store.getState();
      const lesson = how.lesson || (files.length === 1 && ZIP.test(files[0].name)) || files.some((f) => f.name === LESSON_FILE);
      if (!lesson) return openFile(files);
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

/** A picked file's path within what was picked, and its text (null when it is not UTF-8). */
async function readPicked(file: File): Promise<PickedFile> {
  const path = file.webkitRelativePath || file.name;
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()) };
  } catch {
    return { path, text: null };
  }
}
