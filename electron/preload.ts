/**
 * The preload bridge: puts exactly the shared API (shared/api.ts) on
 * `window.obra`, and nothing else — no ipcRenderer, no Node. Sandboxed and
 * bundled to one CommonJS file (electron-vite), so it may only require
 * 'electron' and code it bundles.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiMethod, EventBatch, ObraApi, OpenedFile, OpenedLesson, PickedScript } from '../shared/api';
import { IPC, type CallOutcome } from './shell/channels';

/**
 * Failures reject with a plain { code, message } object: contextBridge copies
 * an Error into the page without its custom properties (the `code` would be
 * lost). renderer/transport/electron-bridge.ts turns it back into an Error.
 */
function settle<T>(outcome: CallOutcome<T>): Promise<T> {
  return outcome.ok ? Promise.resolve(outcome.result) : Promise.reject({ code: outcome.error.code, message: outcome.error.message });
}

async function call<T>(method: ApiMethod, params: unknown[]): Promise<T> {
  return settle((await ipcRenderer.invoke(IPC.call, method, params)) as CallOutcome<T>);
}

let saidReady = false;

const obra: ObraApi = {
  listDemos: () => call('listDemos', []),
  readDemo: (id) => call('readDemo', [id]),
  startRun: (req) => call('startRun', [req]),
  stopRun: async (runId) => {
    await call<null>('stopRun', [runId]);
  },
  subscribe(listener) {
    const onBatch = (_event: IpcRendererEvent, batch: EventBatch): void => listener(batch);
    ipcRenderer.on(IPC.batch, onBatch);
    // The first subscriber means the page is listening: main may send what it held.
    if (!saidReady) {
      saidReady = true;
      ipcRenderer.send(IPC.ready);
    }
    return () => {
      ipcRenderer.removeListener(IPC.batch, onBatch);
    };
  },
  async pickScript(options) {
    return settle((await ipcRenderer.invoke(IPC.pickScript, ...(options ? [options] : []))) as CallOutcome<PickedScript | null>);
  },
  async saveFile(file) {
    return settle((await ipcRenderer.invoke(IPC.saveFile, file)) as CallOutcome<string | null>);
  },
  async openRecording(options) {
    return settle((await ipcRenderer.invoke(IPC.openRecording, ...(options ? [options] : []))) as CallOutcome<OpenedFile | null>);
  },
  async openLesson(options) {
    return settle((await ipcRenderer.invoke(IPC.openLesson, ...(options ? [options] : []))) as CallOutcome<OpenedLesson | null>);
  },
};

contextBridge.exposeInMainWorld('obra', obra);
