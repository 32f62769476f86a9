import type { ObraApi } from '../../shared/api';
import { assembleLesson, lessonFromFiles } from '../../shared/lesson';
import type { CatalogueSlice, ObraSlice } from './obraState';
import { noticeOf } from './notices';

/** The demo catalogue, the chosen script or lesson and the sources the code panel shows. */
export const catalogueSlice =
  (api: ObraApi): ObraSlice<CatalogueSlice> =>
  (set, get) => ({
    demos: [],
    script: null,
    lesson: null,
    sources: [],
    canPickScript: typeof api.pickScript === 'function',
    canPickLesson: typeof api.openLesson === 'function',

    async pickScript() {
      if (!api.pickScript || isBusy(get().status)) return;
      try {
        const picked = await api.pickScript();
        if (picked) get().openScriptFile(picked.path, picked.sources);
      } catch (error) {
        get().pushNotice(noticeOf(error));
      }
    },

    async loadCatalogue() {
      try {
        set({ demos: await api.listDemos() });
      } catch (error) {
        get().pushNotice(noticeOf(error));
      }
    },

    async selectDemo(id) {
      const current = get().script;
      if (current?.kind === 'demo' && current.demoId === id) return;
      if (isBusy(get().status)) return;
      get().clearRun();
      if (id === null) {
        set({ script: null, lesson: null, sources: [] });
        return;
      }
      set({ script: { kind: 'demo', demoId: id }, lesson: null, sources: [] });
      const still = (): boolean => {
        const now = get().script;
        return now?.kind === 'demo' && now.demoId === id;
      };
      try {
        const files = await api.readDemo(id);
        const info = get().demos.find((d) => d.id === id) ?? (await api.listDemos()).find((d) => d.id === id);
        // The catalogue's lessons go the one way every lesson goes (shared/lesson.ts).
        const lesson = info ? assembleLesson(info, files, id) : null;
        if (still()) set({ lesson: lesson && { ...lesson, demoId: id }, sources: lesson?.sources ?? files });
      } catch (error) {
        // A demo that cannot be read cannot be run: nothing stays selected.
        if (still()) set({ script: null, lesson: null, sources: [] });
        get().pushNotice(noticeOf(error));
      }
    },

    openScripts(files, entry) {
      if (isBusy(get().status)) return;
      get().clearRun();
      // One's own files are new each time they are opened: no edits carried over from others.
      set({ script: { kind: 'source', name: entry }, lesson: null, sources: files, syntaxError: null, drafts: { ...get().drafts, source: {} } });
    },

    chooseBoss(path) {
      const { script, sources, status } = get();
      if (script?.kind !== 'source' || isBusy(status) || !sources.some((s) => s.path === path)) return;
      set({ script: { kind: 'source', name: path } });
    },

    openScriptFile(path, sources) {
      if (isBusy(get().status)) return;
      get().clearRun();
      const name = path.split(/[\\/]/).pop() ?? path;
      set({ script: { kind: 'file', path }, lesson: null, sources: sources.length ? sources : [{ path: name, text: '' }], syntaxError: null });
    },

    async pickLesson() {
      if (!api.openLesson || isBusy(get().status)) return;
      try {
        const opened = await api.openLesson();
        if (opened) get().openLesson(opened);
      } catch (error) {
        get().pushNotice(noticeOf(error));
      }
    },

    openLesson({ name, folder, files }) {
      if (isBusy(get().status)) return;
      try {
        const lesson = lessonFromFiles(name, files);
        get().clearRun();
        set({ script: { kind: 'lesson', name, folder, entry: lesson.info.entry }, lesson: { ...lesson, demoId: null }, sources: lesson.sources, syntaxError: null });
      } catch (error) {
        get().pushNotice(noticeOf(error));
      }
    },
  });

export function isBusy(status: string): boolean {
  return status === 'starting' || status === 'running' || status === 'stopping' || status === 'loading';
}
