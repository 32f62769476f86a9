/**
 * The reader's edits: per demo or script, the files as edited (the originals
 * stay in `sources`); the files the shown run ran with (so a replay shows,
 * and a saved recording keeps, the code that ran); and the file that did not
 * parse at the last Run, to be marked at its line.
 */
import type { DemoSource } from '../../shared/api';
import type { SyntaxPlace } from '../../shared/syntax-error';
import type { ObraSlice, ObraState } from '../store/obraState';
import { draftsAfterEdit, draftsOf, editKeyOf, type Drafts } from './editedSources';

export interface EditsSlice {
  /** Edited files by editKeyOf(script), then by path. */
  drafts: Readonly<Record<string, Drafts>>;
  /** The files the run `runId` ran with (a recording's own files when one is shown). */
  ran: { runId: string; sources: DemoSource[] } | null;
  /** The file that did not parse at the last Run (ERR_OBRA_SYNTAX), until it is edited or a run starts. */
  syntaxError: SyntaxPlace | null;
  editSource(path: string, text: string): void;
  /** Back to the original: one file, or every file of the demo or script. */
  resetSource(path: string): void;
  resetAll(): void;
  /** The files run `runId` ran with; where they differ from the originals, they become the edits. */
  adoptRanSources(runId: string, sources: DemoSource[]): void;
}

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
