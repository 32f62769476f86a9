/**
 * The stage frame by frame for a video: the stage's own drawing
 * (renderer/stage/export.ts, as for stills) at each playhead, kept by a
 * StageTracker so frame k + 1 folds only the events since frame k —
 * stageSvgText folds the whole log each call, which a million-event run
 * cannot afford 30 times a second. Flights are drawn in motion, as live.
 * Loaded only when a video with the stage is made (it brings react-dom/server).
 */
import type { Lang } from '../../../shared/api';
import type { LabEvent } from '../../../shared/events';
import type { StageTheme } from '../../stage/art/stageTheme';
import { stageSvgMarkup } from '../../stage/export';
import { StageTracker } from '../../stage/tracker';
import { LoopQueueIndex } from '../../stage/loopQueue';
import type { StageDrawing } from './videoFrames';

export function stageFrames(log: readonly LabEvent[], box: { width: number; height: number; unit: number }, lang: Lang, theme: StageTheme = 'light'): StageDrawing {
  const tracker = new StageTracker();
  const loop = new LoopQueueIndex();
  loop.update(log);
  return (t) => stageSvgMarkup(tracker.at(log, t), t, { width: box.width, height: box.height, unit: box.unit, lang, motion: true, theme }, loop);
}
