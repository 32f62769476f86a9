/**
 * Saving a file the page made (an export, a recording): through the shell's
 * native "Save as" dialog where there is one (Electron: ObraApi.saveFile),
 * else as a browser download of a Blob URL through an <a download>.
 */
import { MAX_NATIVE_FILE_BYTES, type SaveKind } from '../../shared/api';
import { announceFailure } from '../notices/failures';
import { fileDialogs, type FileDialogsApi } from '../transport';

export interface SaveOptions {
  /** What the file is (the dialog's file type); by default from the name. */
  kind?: SaveKind;
  /** The native dialogs; by default this page's shell's. */
  api?: FileDialogsApi;
  /** The browser's way; by default a download. */
  download?: (blob: Blob, fileName: string) => void;
}

/**
 * Save `blob`, offering `fileName`. Resolves with the path written (native
 * dialog) or the name downloaded, or null when the reader cancelled the
 * dialog; rejects with the write's code (EACCES, ENOSPC…). A file bigger
 * than one IPC message carries (MAX_NATIVE_FILE_BYTES) is downloaded even
 * in Electron, which then asks where with its own download dialog.
 */
export async function saveFileAs(blob: Blob, fileName: string, options: SaveOptions = {}): Promise<string | null> {
  const api = options.api ?? fileDialogs();
  if (api.saveFile && blob.size <= MAX_NATIVE_FILE_BYTES) {
    return api.saveFile({ suggestedName: fileName, kind: options.kind ?? kindOfFileName(fileName), data: new Uint8Array(await blob.arrayBuffer()) });
  }
  (options.download ?? downloadBlob)(blob, fileName);
  return fileName;
}

/** saveFileAs for the export buttons: never rejects; a failure reaches the notice banner with its code. */
export function saveBlob(blob: Blob, fileName: string): Promise<string | null> {
  return saveFileAs(blob, fileName).catch((error: unknown) => {
    announceFailure(error);
    return null;
  });
}

/** What a file is, from the names the exports give (`.obra.json`, `.png`, `.svg`, `.webm`, `.mp4`, `.gif`, `.trace.json`). */
export function kindOfFileName(fileName: string): SaveKind {
  if (/\.obra\.json$/i.test(fileName)) return 'recording';
  if (/\.png$/i.test(fileName)) return 'png';
  if (/\.svg$/i.test(fileName)) return 'svg';
  if (/\.webm$/i.test(fileName)) return 'webm';
  if (/\.mp4$/i.test(fileName)) return 'mp4';
  if (/\.gif$/i.test(fileName)) return 'gif';
  return 'trace';
}

/** Start the browser download of `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the URL by the time a minute has passed; a big video may need a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name part from a demo id or a script's name: letters, digits, dot, dash, underscore. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base.replace(/\.(c|m)?js$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '');
  return stem.slice(0, 80) || 'obra-run';
}
