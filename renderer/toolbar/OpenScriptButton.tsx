import { useRef } from 'react';
import { useMessages } from '../i18n/useMessages';
import { isBusy } from '../store/catalogueSlice';
import { useObra } from '../store/useObra';
import { useOpenFile } from './useOpenFile';

/**
 * Open script…: Electron's native dialog where the shell offers one (the lab
 * reads the file where it is), else a file input for one or several files,
 * and Open folder… for a whole folder: the page reads them and the lab runs
 * them together, so a boss can fork its siblings.
 */
export function OpenScriptButton() {
  const { m } = useMessages();
  const busy = useObra((s) => isBusy(s.status));
  const canPick = useObra((s) => s.canPickScript);
  const pickScript = useObra((s) => s.pickScript);
  const openFile = useOpenFile();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement): void => {
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    void openFile(chosen);
  };
  return (
    <>
      <button
        type="button"
        className="toolbar-button open-script-button"
        disabled={busy}
        title={m.openScriptHint}
        onClick={() => (canPick ? void pickScript() : files.current?.click())}
      >
        {m.openScript}
      </button>
      {!canPick && (
        <button type="button" className="toolbar-button open-script-button" disabled={busy} title={m.editor.openFolderHint} onClick={() => folder.current?.click()}>
          {m.editor.openFolder}
        </button>
      )}
      <input
        ref={files}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept=".js,.mjs,.cjs,.ndjson,.json,.txt,text/javascript"
        onChange={(e) => take(e.target)}
      />
      <input ref={folder} type="file" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => take(e.target)} {...{ webkitdirectory: '' }} />
    </>
  );
}
