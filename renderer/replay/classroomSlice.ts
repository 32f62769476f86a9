import type { ObraSlice } from '../store/obraState';
import type { ClassroomSlice, Theme } from './classroomState';

export type { ClassroomSlice, Theme } from './classroomState';

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
