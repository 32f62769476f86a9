import type { VisualKind } from '../model/processRecord';

/** Okabe–Ito colours (VISUAL.md): safe for colour-blind viewers, never the only cue. */
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
export const PLAYHEAD_COLOUR = '#000000';
export const GRID_COLOUR = 'rgba(0, 0, 0, 0.08)';
export const AXIS_TEXT = '#222222';
export const LANE_STRIPE = 'rgba(0, 0, 0, 0.025)';
export const LANE_SELECTED = 'rgba(0, 114, 178, 0.12)';
export const FUTURE_VEIL = 'rgba(250, 250, 250, 0.6)';
