/** What the editor keeps in the store (the slice itself: editsSlice.ts). Types only, so the store's shape (obraState.ts) can name it. */
import type { DemoSource } from '../../shared/api';
import type { SyntaxPlace } from '../../shared/syntax-error';

/** Edited text by file path; a file equal to its original is never kept here. */
export type Drafts = Readonly<Record<string, string>>;

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
