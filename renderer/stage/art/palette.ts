/**
 * Okabe–Ito colours (safe for colour-blind viewers) and what each means on the
 * stage. Colour never travels alone: every kind also has a shape and a label.
 */
import type { WorkerKind } from '../model-types';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const INK = '#1F2A30';
export const INK_SOFT = '#3E4C55';
export const GREY = '#8C959B';
export const PAPER = '#FFFFFF';

export const KIND_COLOUR: Record<WorkerKind, string> = {
  exec: OKABE_ITO.orange,
  execFile: OKABE_ITO.yellow,
  spawn: OKABE_ITO.bluishGreen,
  fork: OKABE_ITO.reddishPurple,
  os: GREY,
  // A thread wears its process's colour (threadColour); the boss's, when it is the boss's.
  thread: OKABE_ITO.blue,
};

export const BOSS_COLOUR = OKABE_ITO.blue;

/** A worker's colour: its kind's. A Worker thread's: the process it runs in (the boss's blue, a fork's purple…). */
export function figureColour(kind: WorkerKind, ownerKind: WorkerKind | 'boss' | null): string {
  if (kind !== 'thread') return KIND_COLOUR[kind];
  return ownerKind === null || ownerKind === 'boss' || ownerKind === 'thread' ? BOSS_COLOUR : KIND_COLOUR[ownerKind];
}
export const SHELL_COLOUR = OKABE_ITO.skyBlue;
export const STDOUT_COLOUR = '#33393D';
export const STDERR_COLOUR = OKABE_ITO.vermillion;
export const ERROR_COLOUR = OKABE_ITO.vermillion;

/** Skin tones, chosen by pid so a crowd is not all alike. */
const SKIN = ['#F1C6A0', '#D9A066', '#A86B3C', '#E8B48A'];
export function skinFor(seed: number | null): string {
  return SKIN[Math.abs(seed ?? 0) % SKIN.length];
}
