/**
 * What an export is of, read from the store when the reader asks: the run on
 * screen, the timeline's visible window, the playhead (when the reader placed
 * it), the language, and the names the files and the picture's title take —
 * the demo's catalogue title, else the script's name — and the replay
 * controls' speed, which a video starts from.
 */
import type { Lang } from '../../shared/api';
import type { RunLog } from '../model/runLog';
import type { TimeWindow } from '../model/viewport';
import type { ObraState, OpenLesson } from '../store/obraState';
import { fileStem } from './download';

export interface ExportSubject {
  run: RunLog;
  window: TimeWindow;
  /** The playhead to draw, when the reader placed it (not when it follows live). */
  cursor: number | null;
  /** The playhead, always (the stage is drawn at it). */
  stageCursor: number;
  lang: Lang;
  demoId: string | null;
  /** The lesson on screen, whose narration a trace carries. */
  lesson: OpenLesson | null;
  title: string;
  /** Start of every file name: the demo's id or the script's name. */
  stem: string;
  /** The run's end (its run-end event, else its last event), µs: a video's range lies inside [0, runEnd]. */
  runEnd: number;
  /** The replay controls' speed and teaching time: a video's defaults. */
  speed: number;
  teaching: boolean;
}

/** The subject, or null when there is no run with events to draw. */
export function exportSubjectOf(state: ObraState): ExportSubject | null {
  const run = state.run;
  if (!run || run.events.length === 0) return null;
  const start = run.index.runStart;
  const demoId = start?.demoId ?? run.header?.demoId ?? null;
  const script = start?.script ?? run.header?.script ?? '';
  const demo = demoId === null ? undefined : state.demos.find((d) => d.id === demoId);
  const scriptName = script.split(/[\\/]/).pop() || script;
  // An opened lesson folder names the picture and the files as a demo does.
  const folderLesson = demoId === null && state.lesson?.demoId === null ? state.lesson : null;
  return {
    run,
    window: state.timeWindow,
    cursor: state.followLive ? null : state.cursor,
    stageCursor: state.cursor,
    lang: state.lang,
    demoId,
    lesson: state.lesson ?? null,
    title: demo?.title[state.lang] ?? folderLesson?.info.title[state.lang] ?? (demoId || scriptName || 'Obra'),
    stem: fileStem(demoId ?? folderLesson?.info.id ?? scriptName),
    runEnd: run.index.runEnd?.t ?? run.index.lastT,
    speed: state.speed,
    teaching: state.teaching,
  };
}
