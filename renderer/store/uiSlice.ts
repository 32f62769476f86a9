import { initialLang, rememberLang } from '../i18n';
import { clampWindow, fitWindow } from '../model/viewport';
import type { ObraSlice, UiSlice } from './obraState';

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Language, selection, playhead, the timeline's window and the error banner. */
export const uiSlice: ObraSlice<UiSlice> = (set, get) => {
  const start = initialLang(browserStorage(), typeof navigator === 'undefined' ? undefined : navigator.language);
  const duration = (): number => get().run?.index.lastT ?? 0;
  return {
    lang: start.lang,
    langChosen: start.chosen,
    setLang(lang) {
      rememberLang(browserStorage(), lang);
      set({ lang, langChosen: true });
    },

    selection: { pid: null, eventIndex: null },
    inspectorOpen: false,
    selectProcess(pid) {
      set({ selection: { pid, eventIndex: null }, inspectorOpen: true });
    },
    selectEvent(eventIndex, pid) {
      const event = get().run?.events[eventIndex];
      if (!event) return;
      set({
        selection: { pid: pid ?? event.pid, eventIndex },
        inspectorOpen: true,
        cursor: event.t,
        followLive: false,
      });
    },
    closeInspector() {
      set({ inspectorOpen: false });
    },

    cursor: 0,
    followLive: true,
    setCursor(t) {
      set({ cursor: Math.max(0, Math.min(t, duration())), followLive: false });
    },
    setFollowLive(follow) {
      if (!follow) {
        set({ followLive: false });
        return;
      }
      const now = duration();
      set({ followLive: true, cursor: now, timeWindow: fitWindow(now) });
    },

    timeWindow: fitWindow(0),
    setTimeWindow(window) {
      set({ timeWindow: clampWindow(window, duration()), followLive: false });
    },

    notices: [],
    runErrorsDismissed: 0,
    pushNotice(notice) {
      set({ notices: [...get().notices, notice].slice(-20) });
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((notice) => notice.id !== id) });
    },
    dismissRunErrors() {
      set({ runErrorsDismissed: get().run?.index.errors.length ?? 0 });
    },
  };
};
