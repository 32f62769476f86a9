import type { VisualKind } from '../model/processRecord';

/** Okabe–Ito colours (docs/VISUAL.md): safe for colour-blind viewers, never the only cue. */
export const KIND_COLOUR: Record<VisualKind, string> = {
  boss: '#0072B2',
  exec: '#E69F00',
  execFile: '#F0E442',
  spawn: '#009E73',
  fork: '#CC79A7',
  shell: '#56B4E9',
  os: '#8C8C8C',
};

/** Yellow on white needs a dark outline to be seen. */
export const KIND_OUTLINE: Record<VisualKind, string> = {
  boss: '#00507D',
  exec: '#8A5F00',
  execFile: '#5C5700',
  spawn: '#00664A',
  fork: '#8F4C77',
  shell: '#1F7FB4',
  os: '#555555',
};

export const STDOUT_COLOUR = '#222222';
export const STDERR_COLOUR = '#D55E00';
export const ERROR_COLOUR = '#D55E00';
export const EXIT_OK_COLOUR = '#009E73';

export type TimelineTheme = 'light' | 'dark';

/**
 * Every colour the timeline canvas draws with, per theme. The kinds keep
 * their Okabe–Ito hues in both; what changes is the paper, the ink, and the
 * outlines and labels that must stand out on it (text ≥ 7:1, marks ≥ 3:1:
 * palette.test.ts computes them).
 */
export interface TimelinePalette {
  background: string;
  stripe: string;
  selectedLane: string;
  grid: string;
  axisBand: string;
  axisLine: string;
  axisText: string;
  stdout: string;
  stderr: string;
  /** Error and signal octagons, and their rim. */
  error: string;
  errorRim: string;
  /** A code written beside an octagon, on its halo. */
  errorText: string;
  labelHalo: string;
  exitOk: string;
  exitPole: string;
  exitCodeText: string;
  playhead: string;
  futureVeil: string;
  selectRing: string;
  hoverRing: string;
  /** Opacity of a lifetime bar's fill (busy shading goes over it). */
  barOpacity: number;
  kind: Record<VisualKind, string>;
  /** Bars' outlines and IPC arrows (the sender's). */
  outline: Record<VisualKind, string>;
  arrowFallback: string;
}

export const TIMELINE_PALETTES: Record<TimelineTheme, TimelinePalette> = {
  light: {
    background: '#ffffff',
    stripe: 'rgba(0, 0, 0, 0.025)',
    selectedLane: 'rgba(0, 114, 178, 0.12)',
    grid: 'rgba(0, 0, 0, 0.08)',
    axisBand: '#f3f3f3',
    axisLine: '#999999',
    axisText: '#222222',
    stdout: STDOUT_COLOUR,
    stderr: STDERR_COLOUR,
    error: ERROR_COLOUR,
    errorRim: '#ffffff',
    errorText: '#7a3500',
    labelHalo: 'rgba(255, 255, 255, 0.85)',
    // Okabe–Ito's bluish green, a shade deeper: ≥ 3:1 on the selected lane's tint too.
    exitOk: '#00845f',
    exitPole: '#222222',
    exitCodeText: '#111111',
    playhead: '#000000',
    futureVeil: 'rgba(250, 250, 250, 0.6)',
    selectRing: '#0072B2',
    hoverRing: '#555555',
    barOpacity: 0.3,
    kind: KIND_COLOUR,
    outline: KIND_OUTLINE,
    arrowFallback: '#333333',
  },
  dark: {
    // The dark theme's panel (--panel in classroom.css): the canvas and the process list are one surface.
    background: '#17191c',
    stripe: 'rgba(255, 255, 255, 0.04)',
    selectedLane: 'rgba(86, 180, 233, 0.18)',
    grid: 'rgba(255, 255, 255, 0.12)',
    axisBand: '#22262a',
    axisLine: '#8a8a8a',
    axisText: '#f2f2f2',
    stdout: '#e6e6e6',
    stderr: STDERR_COLOUR,
    error: ERROR_COLOUR,
    errorRim: '#ffffff',
    errorText: '#ffb27a',
    labelHalo: 'rgba(23, 25, 28, 0.85)',
    exitOk: EXIT_OK_COLOUR,
    exitPole: '#d0d0d0',
    exitCodeText: '#f2f2f2',
    playhead: '#ffffff',
    futureVeil: 'rgba(23, 25, 28, 0.6)',
    selectRing: '#56B4E9',
    hoverRing: '#bbbbbb',
    // Low, so busy shading (the kind's colour at full load) stands ≥ 3:1 on an idle bar.
    barOpacity: 0.12,
    kind: KIND_COLOUR,
    outline: { ...KIND_COLOUR, boss: '#3d9ad6', os: '#b0b0b0' },
    arrowFallback: '#cccccc',
  },
};
