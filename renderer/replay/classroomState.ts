/** What the classroom tools keep in the store (the slice itself: classroomSlice.ts). Types only, so the store's shape (obraState.ts) can name it. */
export type Theme = 'light' | 'dark';

export interface ClassroomSlice {
  /** Projector mode: full screen, stage and timeline large, narration as a caption. */
  projector: boolean;
  setProjector(on: boolean): void;
  theme: Theme;
  /** The reader picked a theme (else it follows prefers-color-scheme). */
  themeChosen: boolean;
  setTheme(theme: Theme): void;
  /** Blank screen (a presenter's B): any key brings the picture back. */
  blank: boolean;
  setBlank(on: boolean): void;
  /** The keyboard shortcuts dialog (?). */
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
  /** Projector mode's side column (code and console), shown with `C`. */
  projectorSide: boolean;
  setProjectorSide(on: boolean): void;
  /** The compare view: a second recording under the shown run, on the same time axis. */
  compareOpen: boolean;
  setCompareOpen(open: boolean): void;
}
