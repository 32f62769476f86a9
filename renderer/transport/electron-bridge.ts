/**
 * The API under Electron: the preload script (electron/preload.ts) puts the
 * shared API on `window.obra` through contextBridge, and nothing else.
 *
 * contextBridge drops an Error's custom properties on the way into the page,
 * so the preload rejects with a plain { code, message }; here it becomes an
 * Error again, with its `code`, like the WebSocket client's.
 */
import type { Lang, ObraApi } from '../../shared/api';
import { errorFromShape, isErrorShape } from '../../shared/validate';

declare global {
  interface Window {
    /** Present only inside Obra's Electron window. */
    obra?: ObraApi;
  }
}

/** The Electron bridge, or null in a plain browser. */
export function electronApi(): ObraApi | null {
  const bridge = typeof window !== 'undefined' ? window.obra : undefined;
  if (!bridge) return null;
  const api: ObraApi = {
    listDemos: () => withErrors(bridge.listDemos()),
    readDemo: (id) => withErrors(bridge.readDemo(id)),
    startRun: (req) => withErrors(bridge.startRun(req)),
    stopRun: (runId) => withErrors(bridge.stopRun(runId)),
    subscribe: (listener) => bridge.subscribe(listener),
  };
  // The native dialogs speak the page's language (ES/EN as chosen), not the system's.
  const { pickScript } = bridge;
  if (pickScript) api.pickScript = (options) => withErrors(pickScript({ lang: pageLang(), ...options }));
  const { saveFile, openRecording, openLesson } = bridge;
  if (saveFile) api.saveFile = (file) => withErrors(saveFile({ lang: pageLang(), ...file }));
  if (openRecording) api.openRecording = (options) => withErrors(openRecording({ lang: pageLang(), ...options }));
  if (openLesson) api.openLesson = (options) => withErrors(openLesson({ lang: pageLang(), ...options }));
  return api;
}

/** The page's language, as App writes it on <html lang>. */
export function pageLang(): Lang {
  return typeof document !== 'undefined' && document.documentElement.lang === 'es' ? 'es' : 'en';
}

async function withErrors<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (err) {
    throw isErrorShape(err) ? errorFromShape(err) : err;
  }
}
