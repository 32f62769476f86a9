/**
 * The files as the reader edited them: the originals (a demo's, or the
 * scripts one opened) with the edits over them, which of them changed, and
 * what Run sends for them. Pure.
 */
import type { DemoSource, RunRequest } from '../../shared/api';
import type { ScriptChoice } from '../store/obraState';
import type { Drafts } from './editsState';

export type { Drafts } from './editsState';

/** Whose drafts: each demo and each script on disk keeps its own; one's opened files share one set (the boss among them may change). */
export function editKeyOf(script: ScriptChoice | null): string | null {
  if (!script) return null;
  switch (script.kind) {
    case 'demo':
      return `demo:${script.demoId}`;
    case 'lesson':
      return `lesson:${script.folder ?? script.name}`;
    case 'source':
      return 'source';
    case 'file':
      return `file:${script.path}`;
  }
}

/** The files with the edits over them (the same objects where nothing changed). */
export function withDrafts(sources: readonly DemoSource[], drafts: Drafts | undefined): DemoSource[] {
  if (!drafts) return [...sources];
  return sources.map((s) => (s.path in drafts ? { path: s.path, text: drafts[s.path] } : s));
}

/** Paths of the files whose text differs from the original, in the files' order. */
export function changedPaths(sources: readonly DemoSource[], drafts: Drafts | undefined): string[] {
  if (!drafts) return [];
  return sources.filter((s) => s.path in drafts && drafts[s.path] !== s.text).map((s) => s.path);
}

/** The drafts after `path` was set to `text`: dropped again once it equals the original. */
export function draftsAfterEdit(drafts: Drafts | undefined, original: string | undefined, path: string, text: string): Drafts {
  const next = { ...drafts };
  if (original === text) delete next[path];
  else next[path] = text;
  return next;
}

/** The drafts a recording's files make: those that differ from the originals. */
export function draftsOf(originals: readonly DemoSource[], ran: readonly DemoSource[]): Drafts {
  const drafts: Record<string, string> = {};
  for (const file of ran) {
    const original = originals.find((s) => s.path === file.path);
    if (original && original.text !== file.text) drafts[file.path] = file.text;
  }
  return drafts;
}

/**
 * What Run asks the lab for: a demo (with its changed files), one's own
 * uploaded files (the boss and every other file, as edited), or a script on
 * disk (with its changed files: the lab then runs a copy of its folder).
 */
export function runRequestOf(script: ScriptChoice, sources: readonly DemoSource[], drafts: Drafts | undefined, args: readonly string[] | undefined): RunRequest {
  const withArgs = args?.length ? { args: [...args] } : {};
  const edited = withDrafts(sources, drafts);
  const changed = new Set(changedPaths(sources, drafts));
  const changedFiles = edited.filter((s) => changed.has(s.path));
  const files = changedFiles.length ? { files: changedFiles } : {};
  switch (script.kind) {
    case 'demo':
      return { demoId: script.demoId, ...files, ...withArgs };
    case 'lesson':
      // In Electron a lesson's entry runs where it is, beside its files; a browser uploads them all.
      if (script.folder !== null) return { file: inFolder(script.folder, script.entry), ...files, ...withArgs };
      return uploaded(script.entry, edited, withArgs);
    case 'source':
      return uploaded(script.name, edited, withArgs);
    case 'file':
      return { file: script.path, ...files, ...withArgs };
  }
}

/** Files the page holds, run from a private folder: `boss` as the source, the others beside it. */
function uploaded(boss: string, edited: readonly DemoSource[], withArgs: { args?: string[] }): RunRequest {
  const text = edited.find((s) => s.path === boss)?.text ?? '';
  const others = edited.filter((s) => s.path !== boss);
  return { source: { name: boss, text }, ...(others.length ? { files: others } : {}), ...withArgs };
}

/** A file of a folder, with the folder's own separator (a Windows path keeps its backslashes). */
function inFolder(folder: string, file: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${sep}${file}`;
}
