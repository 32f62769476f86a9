import { useRef } from 'react';
import { useMessages } from '../i18n/useMessages';
import { isBusy } from '../store/catalogueSlice';
import { useObra } from '../store/useObra';
import { useOpenFiles } from './useOpenFile';

/**
 * Open lesson…: Electron's native folder dialog where the shell offers one
 * (main reads the folder), else a file input for the lesson's files or one
 * .zip (the page reads them; docs/LESSONS.md).
 */
export function OpenLessonButton() {
  const { m } = useMessages();
  const busy = useObra((s) => isBusy(s.status));
  const canPick = useObra((s) => s.canPickLesson);
  const pickLesson = useObra((s) => s.pickLesson);
  const openFiles = useOpenFiles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="toolbar-button open-lesson-button"
        disabled={busy}
        title={m.lesson.open.hint}
        onClick={() => (canPick ? void pickLesson() : input.current?.click())}
      >
        {m.lesson.open.button}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        className="visually-hidden open-lesson-input"
        tabIndex={-1}
        aria-hidden="true"
        accept=".zip,.json,.js,.mjs,.cjs,application/zip"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) void openFiles(files, { lesson: true });
        }}
      />
    </>
  );
}
