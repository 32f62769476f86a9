import { announceFailure } from '../notices/failures';
import { fileDialogs, type FileDialogsApi } from '../transport';

/** Recording files the pickers accept. */
export const RECORDING_ACCEPT = '.json,.ndjson,application/json';

/**
 * Ask for one file. A recording (`accept` is RECORDING_ACCEPT) comes through
 * the shell's native "Open recording" dialog where there is one (Electron);
 * anything else, and everything in a browser, through the browser's file
 * picker. Resolves null when the reader cancels (where the browser says so),
 * or when the native dialog failed: that failure reaches the notice banner
 * with its code (ENOENT, EACCES, ERR_OBRA_TOO_LARGE…).
 */
export function pickFile(accept: string, api: FileDialogsApi = fileDialogs()): Promise<File | null> {
  if (accept === RECORDING_ACCEPT && api.openRecording) return pickRecordingNatively(api.openRecording);
  return pickWithBrowser(accept);
}

/** The recording the reader chose in the native dialog, as a File the page reads like a picked or dropped one. */
export async function pickRecordingNatively(openRecording: NonNullable<FileDialogsApi['openRecording']>): Promise<File | null> {
  try {
    const opened = await openRecording();
    return opened && new File([opened.data as Uint8Array<ArrayBuffer>], opened.name, { type: 'application/json' });
  } catch (error) {
    announceFailure(error);
    return null;
  }
}

/** The browser's file picker, for one file. */
function pickWithBrowser(accept: string): Promise<File | null> {
  return pickFilesWithBrowser(accept, false).then((files) => files[0] ?? null);
}

/**
 * The browser's file picker, for one file or several (`multiple`); resolves
 * with none when the reader cancels. The input exists only while the picker
 * is open (no hidden input stays in the page).
 */
export function pickFilesWithBrowser(accept: string, multiple = true): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? []));
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}
