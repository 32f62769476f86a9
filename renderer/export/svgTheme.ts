/**
 * Colours of an exported picture, light (for white slides) or dark (for dark
 * ones). The kinds keep their Okabe–Ito colours in both (docs/VISUAL.md); what
 * changes is the paper, the ink and the outlines that must stand out on it.
 */
import type { VisualKind } from '../model/processRecord';
import { ERROR_COLOUR, EXIT_OK_COLOUR, KIND_COLOUR, KIND_OUTLINE, STDERR_COLOUR } from '../timeline/palette';

export type ExportTheme = 'light' | 'dark';

export interface SvgPalette {
  paper: string;
  ink: string;
  inkSoft: string;
  grid: string;
  stripe: string;
  axisBand: string;
  axisLine: string;
  stdout: string;
  stderr: string;
  error: string;
  /** Error codes written beside an octagon: darker than the octagon, for contrast. */
  errorText: string;
  exitOk: string;
  /** Opacity of a lifetime bar's fill (busy shading goes over it). */
  barOpacity: number;
  /** Behind a label drawn over marks. */
  halo: string;
  kind: Record<VisualKind, string>;
  /** Outline of a bar, an arrow, a badge's border: must read on the paper. */
  outline: Record<VisualKind, string>;
  /** Text on a kind's badge. */
  badgeInk: Record<VisualKind, string>;
}

const DARK_TEXT_ON: ReadonlySet<VisualKind> = new Set<VisualKind>(['exec', 'execFile', 'shell', 'os', 'fork']);

function badgeInk(): Record<VisualKind, string> {
  const out = {} as Record<VisualKind, string>;
  for (const kind of Object.keys(KIND_COLOUR) as VisualKind[]) out[kind] = DARK_TEXT_ON.has(kind) ? '#111111' : '#ffffff';
  return out;
}

export const SVG_PALETTES: Record<ExportTheme, SvgPalette> = {
  light: {
    paper: '#ffffff',
    ink: '#111111',
    inkSoft: '#3d3d3d',
    grid: '#e2e2df',
    stripe: '#f5f5f2',
    axisBand: '#f0f0ec',
    axisLine: '#8a8a8a',
    stdout: '#222222',
    stderr: STDERR_COLOUR,
    error: ERROR_COLOUR,
    errorText: '#A34700',
    exitOk: EXIT_OK_COLOUR,
    barOpacity: 0.28,
    halo: '#ffffff',
    kind: KIND_COLOUR,
    outline: KIND_OUTLINE,
    badgeInk: badgeInk(),
  },
  dark: {
    paper: '#15181b',
    ink: '#f2f2f2',
    inkSoft: '#cfcfcf',
    grid: '#2e3338',
    stripe: '#1c2024',
    axisBand: '#22262a',
    axisLine: '#8a8a8a',
    stdout: '#e6e6e6',
    stderr: STDERR_COLOUR,
    error: ERROR_COLOUR,
    errorText: '#FF9E57',
    exitOk: EXIT_OK_COLOUR,
    barOpacity: 0.42,
    halo: '#15181b',
    kind: KIND_COLOUR,
    outline: { ...KIND_COLOUR, os: '#b0b0b0' },
    badgeInk: badgeInk(),
  },
};
