import { useEffect, useRef } from 'react';
import { useObra } from '../store/useObra';
import { useClassroomText } from './useClassroomText';

/** `?`: every keyboard shortcut, in a modal dialog (Esc or Close shuts it). */
export function ShortcutsDialog() {
  const t = useClassroomText();
  const open = useObra((s) => s.shortcutsOpen);
  const setOpen = useObra((s) => s.setShortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="modal-dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">{t.shortcuts}</h2>
      <table>
        <tbody>
          {t.keys.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="toolbar-button" onClick={() => setOpen(false)}>
        {t.close}
      </button>
    </dialog>
  );
}

/** B: the whole window black (a presenter's clicker); any key or a click brings it back. */
export function BlankScreen() {
  const t = useClassroomText();
  const blank = useObra((s) => s.blank);
  const setBlank = useObra((s) => s.setBlank);
  if (!blank) return null;
  return (
    <div className="blank-screen" role="presentation" onClick={() => setBlank(false)}>
      <span className="visually-hidden">{t.blankHint}</span>
    </div>
  );
}
