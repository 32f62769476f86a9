/**
 * One way for the renderer to reach the lab, whichever shell it runs in:
 * Electron's preload bridge when present, else the WebSocket of `obra serve`
 * (its address from the token in this page's URL).
 */
import type { ObraApi } from '../../shared/api';
import { errorFromShape } from '../../shared/validate';
import { electronApi } from './electron-bridge';
import { apiSocketUrl, createWsApi } from './ws-client';

export type { ConnectionState } from './ws-client';

let api: ObraApi | null = null;

/** The API for this page (made once). */
export function getApi(): ObraApi {
  api ??= electronApi() ?? browserApi();
  return api;
}

/** The native file dialogs of the shell this page runs in: Electron's (saveFile, openRecording), or none in a browser or outside a page. */
export type FileDialogsApi = Pick<ObraApi, 'saveFile' | 'openRecording'>;

export function fileDialogs(): FileDialogsApi {
  return typeof window === 'undefined' ? {} : getApi();
}

function browserApi(): ObraApi {
  const url = apiSocketUrl(window.location);
  return url ? createWsApi(url) : refusingApi();
}

/** Without a token nothing can be reached; every call says so in words. */
function refusingApi(): ObraApi {
  const fail = (): Promise<never> =>
    Promise.reject(
      errorFromShape({
        code: 'ERR_OBRA_NO_TOKEN',
        message: 'This page was opened without its access token: open the URL that `obra serve` printed.',
      }),
    );
  return { listDemos: fail, readDemo: fail, startRun: fail, stopRun: fail, subscribe: () => () => {} };
}
