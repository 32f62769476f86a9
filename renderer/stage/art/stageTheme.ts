/**
 * The stage's colours per theme: the ground and the office, the ink of its
 * labels, the outlines that carry the art's silhouettes, and the surfaces
 * that carry text (badges, flags, stop signs). The figures keep their
 * Okabe–Ito colours in both themes; on dark ground their outlines turn light.
 * Text ≥ 7:1 on what it is drawn on, in both (stageTheme.test.ts computes it).
 *
 * Components read the palette from StagePaletteContext; without a provider
 * (the standalone art files, a stage export with no theme) it is light.
 */
import { createContext, useContext } from 'react';
import { GREY, INK, OKABE_ITO, PAPER } from './palette';

export type StageTheme = 'light' | 'dark';

/** A surface that carries text, and the text's colour on it. */
export interface TextSurface {
  fill: string;
  text: string;
}

export interface StagePalette {
  theme: StageTheme;
  ground: string;
  office: string;
  /** Labels on the ground, selection rings, work lines. */
  ink: string;
  /** Secondary labels (commands, status lines). */
  inkSoft: string;
  /** Silhouettes: figures, props, poles, belts. Must read on the ground. */
  outline: string;
  /** Features drawn on the art's own light surfaces (eyes, a clock's hands): dark in both themes. */
  detail: string;
  paper: string;
  /** The "+N more" tile. */
  tile: string;
  /** Behind a label in the air (a crate's byte count). */
  halo: string;
  trousers: string;
  boots: string;
  okFlag: TextSurface;
  /** Error flags, stop signs and their plates. */
  errorSign: TextSurface;
  /** A kind's badge: its colour, lightened or deepened until its name reads at 7:1. */
  badge: (kindColour: string) => TextSurface;
}

/** Badges keep their kind's hue (as the HTML badges of projector mode do). */
const BADGES: Record<string, TextSurface> = {
  [OKABE_ITO.blue]: { fill: '#00507D', text: '#FFFFFF' },
  [OKABE_ITO.bluishGreen]: { fill: '#4FD1A5', text: '#000000' },
  [OKABE_ITO.reddishPurple]: { fill: '#E0A3C6', text: '#111111' },
  [GREY]: { fill: '#B8BFC4', text: '#000000' },
};
const badge = (kindColour: string): TextSurface => BADGES[kindColour] ?? { fill: kindColour, text: OKABE_ITO.black };

export const STAGE_PALETTES: Record<StageTheme, StagePalette> = {
  light: {
    theme: 'light',
    ground: '#F6F1E6',
    office: '#E4EEF5',
    ink: INK,
    // A shade deeper than the art's INK_SOFT: 7:1 on a selected cell's tint too.
    inkSoft: '#34404A',
    outline: INK,
    detail: INK,
    paper: PAPER,
    tile: '#FFFFFF',
    halo: PAPER,
    trousers: '#3E4C55',
    boots: '#22303A',
    // Okabe–Ito's green and vermillion, deepened for white text at 7:1 (the app's run and stop buttons).
    okFlag: { fill: '#004D3D', text: PAPER },
    errorSign: { fill: '#7A3500', text: PAPER },
    badge,
  },
  dark: {
    theme: 'dark',
    ground: '#1B1F23',
    office: '#1F2A33',
    ink: '#F4F4F2',
    inkSoft: '#D4D4D0',
    outline: '#C9D1D6',
    detail: INK,
    paper: PAPER,
    tile: '#262B30',
    halo: '#1B1F23',
    trousers: '#7C8C97',
    boots: '#5C6B75',
    // Lightened on dark ground, dark text on them.
    okFlag: { fill: '#5FE0B8', text: '#0E1012' },
    errorSign: { fill: '#FFB27A', text: '#0E1012' },
    badge,
  },
};

export const StagePaletteContext = createContext<StagePalette>(STAGE_PALETTES.light);

export function useStagePalette(): StagePalette {
  return useContext(StagePaletteContext);
}
