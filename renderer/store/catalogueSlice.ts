import type { ObraApi } from '../../shared/api';
import type { CatalogueSlice, ObraSlice } from './obraState';
import { noticeOf } from './notices';

/** The demo catalogue, the chosen script and the sources the code panel shows. */
export const catalogueSlice =
  (api: ObraApi): ObraSlice<CatalogueSlice> =>
  (set, get) => ({
    demos: [],
    script: null,
    sources: [],
    canPickScript: typeof api.pickScript === 'function',

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
        set({ script: null, sources: [] });
        return;
      }
      set({ script: { kind: 'demo', demoId: id }, sources: [] });
      try {
        const sources = await api.readDemo(id);
        const now = get().script;
        if (now?.kind === 'demo' && now.demoId === id) set({ sources });
      } catch (error) {
        // A demo that cannot be read cannot be run: nothing stays selected.
        const now = get().script;
        if (now?.kind === 'demo' && now.demoId === id) set({ script: null, sources: [] });
        get().pushNotice(noticeOf(error));
      }
    },

    openScripts(files, entry) {
      if (isBusy(get().status)) return;
      get().clearRun();
      // One's own files are new each time they are opened: no edits carried over from others.
      set({ script: { kind: 'source', name: entry }, sources: files, syntaxError: null, drafts: { ...get().drafts, source: {} } });
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
      set({ script: { kind: 'file', path }, sources: sources.length ? sources : [{ path: name, text: '' }], syntaxError: null });
    },
  });

export function isBusy(status: string): boolean {
  return status === 'starting' || status === 'running' || status === 'stopping' || status === 'loading';
}
