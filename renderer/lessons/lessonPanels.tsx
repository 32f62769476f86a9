/**
 * The extra panels a lesson may declare (`"panel"` in its catalogue entry or
 * lesson.json, shared/api.ts LESSON_PANELS): which component draws each. The
 * narration panel and the projector's caption show the lesson's own, knowing
 * no lesson by name.
 */
import type { ComponentType } from 'react';
import type { Lang, LessonPanel as PanelName } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import type { OpenLesson } from '../store/obraState';
import { LatencyChart } from './LatencyChart';
import { logOf } from './lessonScripts';

export interface LessonPanelProps {
  /** Only the events of a run of this lesson. */
  log: readonly LabEvent[];
  version: number;
  cursor: number;
  lang: Lang;
  large?: boolean;
}

const PANELS: Record<PanelName, ComponentType<LessonPanelProps>> = {
  latency: LatencyChart,
};

/** The lesson's extra panel, if it declares one. */
export function LessonPanel({ lesson, log, ...rest }: Omit<LessonPanelProps, 'log'> & { lesson: OpenLesson | null; log: readonly LabEvent[] }) {
  const name = lesson?.info.panel;
  if (!name) return null;
  const Panel = PANELS[name];
  return <Panel log={logOf(lesson, log)} {...rest} />;
}
