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
        const path = await api.pickScript();
        if (path) await get().openScriptFile(path);
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

    async openScript(name, text) {
      if (isBusy(get().status)) return;
      set({ script: { kind: 'source', name, text }, lesson: null, sources: [{ path: name, text }] });
      await get().startRun();
    },

    async openScriptFile(path) {
      if (isBusy(get().status)) return;
      const name = path.split(/[\\/]/).pop() ?? path;
      set({ script: { kind: 'file', path }, lesson: null, sources: [{ path: name, text: '' }] });
      await get().startRun();
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
        set({ script: { kind: 'lesson', name, folder }, lesson: { ...lesson, demoId: null }, sources: lesson.sources });
      } catch (error) {
        get().pushNotice(noticeOf(error));
      }
    },
  });

export function isBusy(status: string): boolean {
  return status === 'starting' || status === 'running' || status === 'stopping' || status === 'loading';
}
