/**
 * The one place the page's IPC enters the main process. Every handler:
 * 1. drops messages from anything but our window's own page (sender frame is
 *    the main frame of our BrowserWindow, showing an app URL);
 * 2. validates arguments with shared/validate.ts;
 * 3. calls the lab (or a native dialog), and answers with a CallOutcome
 *    (errors as values).
 * Batches go the other way through a BatchRelay, held until the page is ready.
 */
import { app, BrowserWindow, dialog, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { langOfLocale, type EventBatch, type RunInfo } from '../../shared/api';
import { badRequest, toErrorShape, validateCall } from '../../shared/validate';
import { dispatchCall, type LabPort } from '../serve/lab-port';
import { isAppUrl } from './app-origin';
import { BatchRelay } from './batch-relay';
import { IPC, type CallOutcome } from './channels';
import { createFileDialogs } from './file-dialogs';

export interface PageLink {
  /** Forget the page (reload, crash): its runs are stopped, its queue dropped. */
  pageGone(): void;
  /** Stop listening (before quit). */
  dispose(): void;
}

export function connectPage(win: BrowserWindow, lab: LabPort, devServerUrl: string | undefined): PageLink {
  const relay = new BatchRelay((batch: EventBatch) => {
    if (!win.isDestroyed()) win.webContents.send(IPC.batch, batch);
  });

  /**
   * Only our window's top frame, showing our page, may call. senderFrame is null once the
   * sending frame has navigated or gone; frames are compared by processId and routingId, which
   * Electron documents as the same for every WebFrameMain object of one frame.
   */
  const isOurPage = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame || win.isDestroyed() || BrowserWindow.fromWebContents(event.sender) !== win) return false;
    const top = event.sender.mainFrame;
    return frame.processId === top.processId && frame.routingId === top.routingId && isAppUrl(frame.url, devServerUrl);
  };

  ipcMain.handle(IPC.call, async (event, method: unknown, params: unknown): Promise<CallOutcome> => {
    if (!isOurPage(event)) return { ok: false, error: badRequest('this page may not call Obra') };
    const check = validateCall(method, params);
    if (!check.ok) return { ok: false, error: check.error };
    const page = relay.page;
    try {
      const result = await dispatchCall(lab, check.call);
      if (check.call.method === 'startRun') {
        const { runId } = result as RunInfo;
        // Started for a page that has since gone: stop it like the page's other runs.
        if (relay.page === page) relay.runStarted(runId);
        else stopQuietly(runId);
      }
      if (check.call.method === 'stopRun') relay.runStopped(check.call.params[0]);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: toErrorShape(err) };
    }
  });

  /** A handler for one of the dialog channels: our page only, errors as values with their code. */
  const dialogChannels: string[] = [];
  const handleDialog = <T>(channel: string, run: (params: unknown[]) => Promise<T>): void => {
    dialogChannels.push(channel);
    ipcMain.handle(channel, async (event, ...params: unknown[]): Promise<CallOutcome<T>> => {
      if (!isOurPage(event)) return { ok: false, error: badRequest('this page may not call Obra') };
      try {
        return { ok: true, result: await run(params) };
      } catch (err) {
        return { ok: false, error: toErrorShape(err) };
      }
    });
  };

  // Save/open through the native dialogs: the path comes only from the dialog (electron/shell/file-dialogs.ts).
  const files = createFileDialogs({
    dialogs: { showSaveDialog: (options) => dialog.showSaveDialog(win, options), showOpenDialog: (options) => dialog.showOpenDialog(win, options) },
    lang: () => langOfLocale(app.getLocale()),
    startDir: documentsDir(),
  });
  handleDialog(IPC.pickScript, (params) => files.pickScript(params));
  handleDialog(IPC.saveFile, (params) => files.saveFile(params));
  handleDialog(IPC.openRecording, (params) => files.openRecording(params));
  handleDialog(IPC.openLesson, (params) => files.openLesson(params));

  const onReady = (event: IpcMainEvent): void => {
    if (isOurPage(event)) relay.pageReady();
  };
  ipcMain.on(IPC.ready, onReady);
  const unsubscribe = lab.subscribe((batch) => relay.push(batch));

  function stopQuietly(runId: string): void {
    lab.stopRun(runId).catch((err: unknown) => console.error(`obra: stopping ${runId}: ${toErrorShape(err).message}`));
  }
  const pageGone = (): void => {
    for (const runId of relay.pageGone()) stopQuietly(runId);
  };
  return {
    pageGone,
    dispose() {
      unsubscribe();
      ipcMain.removeHandler(IPC.call);
      for (const channel of dialogChannels) ipcMain.removeHandler(channel);
      ipcMain.off(IPC.ready, onReady);
    },
  };
}

/** The reader's documents folder, where the first save dialog opens; undefined (the home folder) where the system names none. */
function documentsDir(): string | undefined {
  try {
    return app.getPath('documents');
  } catch {
    return undefined;
  }
}
