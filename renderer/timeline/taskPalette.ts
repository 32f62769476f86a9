import type { TaskEvent, TaskKind } from '../../shared/events';
import type { TimelineTheme } from './palette';
import { lookOpacity, taskLook } from '../model/taskIndex';

/**
 * The callback track's colours (docs/VISUAL.md: Okabe–Ito, never colour alone): each kind of
 * callback has its hue, an outline that stands ≥ 3:1 on the lane's paper in each theme, and a
 * letter drawn in slices wide enough for it (the legend says which is which).
 */
export const TASK_FILL: Record<TaskKind, string> = {
  timer: '#E69F00',
  immediate: '#F0E442',
  fs: '#56B4E9',
  net: '#009E73',
  http: '#0072B2',
  child: '#D55E00',
  ipc: '#CC79A7',
  other: '#8C8C8C',
};

export const TASK_OUTLINE: Record<TimelineTheme, Record<TaskKind, string>> = {
  light: {
    timer: '#8A5F00',
    immediate: '#5C5700',
    fs: '#1F6F9E',
    net: '#00664A',
    http: '#00507D',
    child: '#9A4300',
    ipc: '#8F4C77',
    other: '#555555',
  },
  dark: {
    timer: '#E69F00',
    immediate: '#F0E442',
    fs: '#56B4E9',
    net: '#2BC497',
    http: '#5AA7E0',
    child: '#F07A2A',
    ipc: '#DB95C0',
    other: '#B0B0B0',
  },
};

export const TASK_LETTER: Record<TaskKind, string> = {
  timer: 'T',
  immediate: 'I',
  fs: 'F',
  net: 'N',
  http: 'H',
  child: 'C',
  ipc: 'M',
  other: '·',
};

/**
 * How opaque a callback's slice is: a coalesced run of callbacks as dense as they were (their time
 * over the span, at least 0.3), in steps of 1/20 — finer than an eye tells apart, and neighbouring
 * columns of a flood's runs then share a fill the canvas paints as one rectangle.
 */
export function taskOpacity(task: TaskEvent): number {
  return lookOpacity(taskLook(task));
}
