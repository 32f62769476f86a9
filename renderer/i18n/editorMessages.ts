/** The code panel's editor and the opening of one's own scripts: every string, in each language (editorEs.ts, editorEn.ts). */
export interface EditorMessages {
  /** The panel's name. */
  code: string;
  /** The tab list's name. */
  files: string;
  empty: string;
  /** "line" before the marked line's number. */
  line: string;
  /** A tab's note for a file that differs from its original (read after its name). */
  changed: string;
  /** The editing hint under the tabs: why the code cannot be edited now. */
  readOnlyRunning: string;
  readOnlyReplay: string;
  /** Reset the shown file / every file of the demo or script to the original. */
  resetFile: string;
  resetAll: string;
  /** How many files differ from the original. */
  changedCount: (n: number) => string;
  /** A file that does not parse, shown at its line before anything runs. */
  syntaxError: (path: string, line: number, column: number | null, message: string) => string;
  /** The boss among one's own files (the one Run starts). */
  boss: string;
  /** Open script… in the browser: pick files, or a folder. */
  openFolder: string;
  openFolderHint: string;
  /** A file left out when opening one's own scripts (not text, or past the limits). */
  skipped: (names: string, why: string) => string;
  notText: string;
  tooMany: (max: number) => string;
  tooBig: (mib: string) => string;
  /** No script among the files opened. */
  noScript: string;
  /** The narration's note when the code that ran differs from the lesson's (`files`: which). */
  differs: (files: string) => string;
  /** Before the first run of one's own script. */
  pressRun: string;
  /** CodeMirror's own words (its search panel, its announcements), by their English text. */
  phrases: Record<string, string>;
}
