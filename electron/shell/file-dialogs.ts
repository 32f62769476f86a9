/**
 * Save and open files through the native dialogs, for `saveFile`,
 * `openRecording`, `pickScript` and `openLesson` of the shared API. The page sends a name and the bytes,
 * never a path: the path comes only from the dialog the reader answered.
 *
 * No Electron import: the dialogs are injected (main wires Electron's
 * `dialog` with our window), so this runs, and is tested, under plain Node
 * against real files. Every failure is thrown with Node's code (EACCES,
 * ENOSPC…) or ours (ERR_OBRA_BAD_REQUEST, ERR_OBRA_TOO_LARGE).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_NATIVE_FILE_BYTES, SCRIPT_EXTENSIONS, type Lang, type OpenedFile, type OpenedLesson, type PickedScript, type SaveKind } from '../../shared/api';
import { errorFromShape, tooLarge, validateDialogOptions, validateSaveFile } from '../../shared/validate';
import { DIALOG_TEXT } from '../../renderer/i18n/dialogText';
import { readLessonFolder } from '../lab/lesson-folder';
import { readScriptFiles } from './script-files';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The part of Electron's `dialog` (bound to a window) these handlers use; same option and result shapes. */
export interface NativeDialogs {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
    properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { title: string; defaultPath: string; filters: FileFilter[]; properties: Array<'openFile' | 'openDirectory'> }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export type FilePort = Pick<typeof nodeFs, 'writeFile' | 'rename' | 'rm' | 'open' | 'realpath' | 'stat' | 'chmod'>;

export interface FileDialogOptions {
  dialogs: NativeDialogs;
  /** The dialogs' language when the page does not give its own (main reads it from the system locale). */
  lang: () => Lang;
  /** Where the first dialog opens; later ones open where the last file was. Default: the home folder. */
  startDir?: string;
  fs?: FilePort;
  /** Largest file carried, in bytes. Default MAX_NATIVE_FILE_BYTES. */
  maxBytes?: number;
}

/** The file types each kind is saved as; the dialog offers the suggested name with them. */
export const SAVE_EXTENSIONS: Record<SaveKind, string[]> = {
  recording: ['json'],
  png: ['png'],
  svg: ['svg'],
  trace: ['json'],
  webm: ['webm'],
  mp4: ['mp4'],
  gif: ['gif'],
  narration: ['json'],
};
export const RECORDING_EXTENSIONS = ['json', 'ndjson'];

export interface FileDialogs {
  /** `saveFile(file)`'s params, untrusted: resolves with the path written, or null when cancelled. */
  saveFile(params: unknown[]): Promise<string | null>;
  /** `openRecording()`'s params, untrusted: resolves with the chosen file, or null when cancelled. */
  openRecording(params: unknown[]): Promise<OpenedFile | null>;
  /** `pickScript()`'s params, untrusted: resolves with the chosen script's path and the scripts shown for it, or null when cancelled. */
  pickScript(params: unknown[]): Promise<PickedScript | null>;
  /** `openLesson()`'s params, untrusted: resolves with the chosen folder's lesson files, or null when cancelled. The next save dialog opens there. */
  openLesson(params: unknown[]): Promise<OpenedLesson | null>;
}

export function createFileDialogs(options: FileDialogOptions): FileDialogs {
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxBytes ?? MAX_NATIVE_FILE_BYTES;
  let lastDir = options.startDir ?? os.homedir();

  return {
    async saveFile(params) {
      const check = validateSaveFile(params);
      if (!check.ok) throw errorFromShape(check.error);
      const { suggestedName, kind, data, lang } = check.file;
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      if (bytes.byteLength > maxBytes) throw errorFromShape(tooLarge(bytes.byteLength));
      const text = DIALOG_TEXT[lang ?? options.lang()];
      const picked = await options.dialogs.showSaveDialog({
        title: text.saveTitle[kind],
        defaultPath: path.join(lastDir, suggestedName),
        filters: [{ name: text.saveFilter[kind], extensions: SAVE_EXTENSIONS[kind] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (picked.canceled || !picked.filePath) return null;
      const target = path.resolve(picked.filePath);
      await writeWhole(fs, target, bytes);
      lastDir = path.dirname(target);
      return target;
    },

    async openRecording(params) {
      const check = validateDialogOptions('openRecording', params);
      if (!check.ok) throw errorFromShape(check.error);
      const text = DIALOG_TEXT[check.lang ?? options.lang()];
      const picked = await options.dialogs.showOpenDialog({
        title: text.openRecordingTitle,
        defaultPath: lastDir,
        filters: [{ name: text.openRecordingFilter, extensions: RECORDING_EXTENSIONS }],
        properties: ['openFile'],
      });
      const chosen = picked.canceled ? undefined : picked.filePaths[0];
      if (!chosen) return null;
      // Non-blocking: a FIFO chosen by name would otherwise hold the open (and this promise) until something writes to it.
      const file = await fs.open(chosen, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      try {
        const stat = await file.stat();
        // A FIFO or a device (/dev/zero) is no recording, and reading one may never end.
        if (!stat.isFile()) throw errorFromShape({ code: 'ERR_OBRA_RECORDING', message: `${path.basename(chosen)} is not a regular file` });
        if (stat.size > maxBytes) throw errorFromShape(tooLarge(stat.size, ': drop the file on the window to open it'));
        const data = await file.readFile();
        lastDir = path.dirname(chosen);
        return { name: path.basename(chosen), data: ownBytes(data) };
      } finally {
        await file.close();
      }
    },

    async pickScript(params) {
      const check = validateDialogOptions('pickScript', params);
      if (!check.ok) throw errorFromShape(check.error);
      const text = DIALOG_TEXT[check.lang ?? options.lang()];
      const picked = await options.dialogs.showOpenDialog({
        title: text.openScriptTitle,
        defaultPath: lastDir,
        filters: [{ name: text.openScriptFilter, extensions: [...SCRIPT_EXTENSIONS] }],
        properties: ['openFile'],
      });
      const chosen = picked.canceled ? undefined : picked.filePaths[0];
      if (chosen === undefined) return null;
      lastDir = path.dirname(chosen);
      return { path: chosen, sources: await readScriptFiles(chosen) };
    },

    async openLesson(params) {
      const check = validateDialogOptions('openLesson', params);
      if (!check.ok) throw errorFromShape(check.error);
      const text = DIALOG_TEXT[check.lang ?? options.lang()];
      const picked = await options.dialogs.showOpenDialog({ title: text.openLessonTitle, defaultPath: lastDir, filters: [], properties: ['openDirectory'] });
      const chosen = picked.canceled ? undefined : picked.filePaths[0];
      if (!chosen) return null;
      // The folder's files as read; the page checks them (shared/lesson.ts), as it checks a browser's picked files.
      const lesson = await readLessonFolder(chosen);
      // Its narration is saved back into it: the save dialog opens there.
      lastDir = lesson.folder;
      return lesson;
    },
  };
}

/**
 * Write `bytes` to `target` whole or not at all: into a hidden file beside
 * it, then renamed over it, so a full disk (ENOSPC) never leaves half a file
 * where the reader's old one was. The partial file is removed on failure.
 * Saving over a file keeps what the reader had set: a symlink stays a link
 * (the file it points to is replaced) and the file keeps its permissions.
 */
async function writeWhole(fs: FilePort, chosen: string, bytes: Uint8Array): Promise<void> {
  const target = await fs.realpath(chosen).catch(() => chosen);
  const mode = await fs.stat(target).then((s) => (s.isFile() ? s.mode & 0o7777 : null), () => null);
  // Named after the target's first 40 characters (≤ 160 bytes): a target named as long as the folder allows must not make a name too long here.
  const stem = Array.from(path.basename(target)).slice(0, 40).join('');
  const partial = path.join(path.dirname(target), `.${stem}.${randomBytes(4).toString('hex')}.part`);
  try {
    await fs.writeFile(partial, bytes, { flag: 'wx' });
    if (mode !== null) await fs.chmod(partial, mode);
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true }).catch(() => {});
    throw error;
  }
}

/**
 * The bytes in an ArrayBuffer of their own. IPC copies a view's whole
 * ArrayBuffer, and a small Buffer is a slice of Node's shared pool: sent as
 * is, the page would receive whatever else lies in the pool.
 */
function ownBytes(data: Buffer): Uint8Array {
  return data.byteOffset === 0 && data.buffer.byteLength === data.byteLength ? new Uint8Array(data.buffer) : Uint8Array.from(data);
}
