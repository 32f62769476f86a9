/**
 * The reader's edits: per demo or script, the files as edited (the originals
 * stay in `sources`); the files the shown run ran with (so a replay shows,
 * and a saved recording keeps, the code that ran); and the file that did not
 * parse at the last Run, to be marked at its line.
 */
import type { DemoSource } from '../../shared/api';
import type { ObraSlice, ObraState } from '../store/obraState';
import type { EditsSlice } from './editsState';
import { draftsAfterEdit, draftsOf, editKeyOf, type Drafts } from './editedSources';

export type { EditsSlice } from './editsState';

/** The current demo's or script's edits. */
export function currentDrafts(state: Pick<ObraState, 'drafts' | 'script'>): Drafts | undefined {
  const key = editKeyOf(state.script);
  return key === null ? undefined : state.drafts[key];
}

/** The files the shown run ran with, or null when there is none (or it ran before the files were known). */
export function ranSources(state: Pick<ObraState, 'ran' | 'run'>): DemoSource[] | null {
  return state.ran && state.run && state.ran.runId === state.run.runId ? state.ran.sources : null;
}

const NONE: readonly DemoSource[] = [];
let changedMemo: { ran: readonly DemoSource[]; sources: readonly DemoSource[]; changed: readonly DemoSource[] } | null = null;

/**
 * The files the shown run ran with that differ from the lesson's (the demo's
 * own files), the same array while neither changes; none for a script of
 * one's own, whose files are its own lesson.
 */
export function changedRanFiles(state: Pick<ObraState, 'ran' | 'run' | 'sources' | 'script'>): readonly DemoSource[] {
  const ran = ranSources(state);
  if (!ran || state.script?.kind !== 'demo') return NONE;
  if (changedMemo?.ran === ran && changedMemo.sources === state.sources) return changedMemo.changed;
  const differing = ran.filter((file) => state.sources.some((s) => s.path === file.path && s.text !== file.text));
  changedMemo = { ran, sources: state.sources, changed: differing.length ? differing : NONE };
  return changedMemo.changed;
}

export const editsSlice: ObraSlice<EditsSlice> = (set, get) => {
  const setDrafts = (update: (drafts: Drafts | undefined) => Drafts): void => {
    const key = editKeyOf(get().script);
    if (key === null) return;
    set({ drafts: { ...get().drafts, [key]: update(get().drafts[key]) } });
  };
  return {
    drafts: {},
    ran: null,
    syntaxError: null,

    editSource(path, text) {
      const original = get().sources.find((s) => s.path === path)?.text;
      setDrafts((drafts) => draftsAfterEdit(drafts, original, path, text));
      if (get().syntaxError?.path === path) set({ syntaxError: null });
    },

    resetSource(path) {
      setDrafts((drafts) => {
        const next = { ...drafts };
        delete next[path];
        return next;
      });
      if (get().syntaxError?.path === path) set({ syntaxError: null });
    },

    resetAll() {
      setDrafts(() => ({}));
      set({ syntaxError: null });
    },

    adoptRanSources(runId, sources) {
      set({ ran: { runId, sources } });
      setDrafts(() => draftsOf(get().sources, sources));
    },
  };
};
