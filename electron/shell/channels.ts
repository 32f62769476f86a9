/**
 * The IPC channels between the preload bridge and the main process. The only
 * ones there are; main listens on nothing else.
 */
import type { ObraErrorShape } from '../../shared/api';

export const IPC = {
  /** invoke(method, params) → CallOutcome: a call of the shared API. */
  call: 'obra:call',
  /** invoke(DialogOptions?) → CallOutcome<string | null>: "Open script…" through the native dialog. */
  pickScript: 'obra:pick-script',
  /** invoke(SaveFileRequest) → CallOutcome<string | null>: save through the native dialog (path written, null if cancelled). */
  saveFile: 'obra:save-file',
  /** invoke(DialogOptions?) → CallOutcome<OpenedFile | null>: "Open recording" through the native dialog. */
  openRecording: 'obra:open-recording',
  /** invoke(DialogOptions?) → CallOutcome<OpenedLesson | null>: "Open lesson…" through the native folder dialog. */
  openLesson: 'obra:open-lesson',
  /** send(): the page has subscribed; queued batches may flow. */
  ready: 'obra:ready',
  /** main → page: one EventBatch. */
  batch: 'obra:batch',
} as const;

/**
 * What an IPC call resolves with. Errors travel as values: an Error thrown in
 * an ipcMain handler reaches the page with its `code` stripped and its message
 * wrapped ("Error invoking remote method…"), which the user would then read.
 */
export type CallOutcome<T = unknown> = { ok: true; result: T } | { ok: false; error: ObraErrorShape };
