import type { ObraSlice } from '../store/obraState';

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

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const classroomSlice: ObraSlice<ClassroomSlice> = (set) => ({
  projector: false,
  setProjector(on) {
    set({ projector: on });
  },
  theme: systemTheme(),
  themeChosen: false,
  setTheme(theme) {
    set({ theme, themeChosen: true });
  },
  blank: false,
  setBlank(on) {
    set({ blank: on });
  },
  shortcutsOpen: false,
  setShortcutsOpen(open) {
    set({ shortcutsOpen: open });
  },
  projectorSide: false,
  setProjectorSide(on) {
    set({ projectorSide: on });
  },
  compareOpen: false,
  setCompareOpen(open) {
    set({ compareOpen: open });
  },
});
