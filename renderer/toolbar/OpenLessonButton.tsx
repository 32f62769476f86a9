import { useMessages } from '../i18n/useMessages';
import { pickFilesWithBrowser } from '../recording/pickFile';
import { isBusy } from '../store/catalogueSlice';
import { useObra } from '../store/useObra';
import { useOpenFiles } from './useOpenFile';

/** What a browser's picker offers for a lesson: its files, or one zip of them. */
const LESSON_ACCEPT = '.zip,.json,.js,.mjs,.cjs,application/zip';

/**
 * Open lesson…: Electron's native folder dialog where the shell offers one
 * (main reads the folder), else the browser's picker for the lesson's files
 * or one .zip (the page reads them; docs/LESSONS.md).
 */
export function OpenLessonButton() {
  const { m } = useMessages();
  const busy = useObra((s) => isBusy(s.status));
  const canPick = useObra((s) => s.canPickLesson);
  const pickLesson = useObra((s) => s.pickLesson);
  const openFiles = useOpenFiles();
  const open = async (): Promise<void> => {
    if (canPick) return pickLesson();
    const files = await pickFilesWithBrowser(LESSON_ACCEPT);
    if (files.length) await openFiles(files, { lesson: true });
  };
  return (
    <button type="button" className="toolbar-button open-lesson-button" disabled={busy} title={m.lesson.open.hint} onClick={() => void open()}>
      {m.lesson.open.button}
    </button>
  );
}
