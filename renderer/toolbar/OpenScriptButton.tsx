import { useRef } from 'react';
import { useMessages } from '../i18n/useMessages';
import { isBusy } from '../store/catalogueSlice';
import { useObra } from '../store/useObra';
import { useOpenFile } from './useOpenFile';

/**
 * Open script…: Electron's native dialog where the shell offers one (the lab
 * reads the file), else a file input (the renderer reads it and sends its text).
 */
export function OpenScriptButton() {
  const { m } = useMessages();
  const busy = useObra((s) => isBusy(s.status));
  const canPick = useObra((s) => s.canPickScript);
  const pickScript = useObra((s) => s.pickScript);
  const openFile = useOpenFile();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="toolbar-button open-script-button"
        disabled={busy}
        title={m.openScriptHint}
        onClick={() => (canPick ? void pickScript() : input.current?.click())}
      >
        {m.openScript}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept=".js,.mjs,.cjs,.ndjson,.json,text/javascript"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openFile(file);
        }}
      />
    </>
  );
}
