/**
 * The stage frame by frame for a video: the stage's own drawing (StageSvg,
 * rendered to markup as renderer/stage/export.ts does for stills) at each
 * playhead, kept by a StageTracker so frame k + 1 folds only the events since
 * frame k — stageSvgText folds the whole log each call, which a million-event
 * run cannot afford 30 times a second. Flights are drawn in motion, as live.
 * Loaded only when a video with the stage is made (it brings react-dom/server).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Lang } from '../../../shared/api';
import type { LabEvent } from '../../../shared/events';
import { StageSvg } from '../../stage/StageSvg';
import { StageTracker } from '../../stage/tracker';
import type { StageTheme } from '../../stage/art/stageTheme';
import type { StageDrawing } from './videoFrames';

export function stageFrames(log: readonly LabEvent[], box: { width: number; height: number; unit: number }, lang: Lang, theme: StageTheme = 'light'): StageDrawing {
  const tracker = new StageTracker();
  return (t) => {
    const markup = renderToStaticMarkup(
      createElement(StageSvg, { state: tracker.at(log, t), cursor: t, box, lang, reduced: false, selectedPid: null, theme }),
    );
    return markup.replace('<svg ', `<svg width="${box.width}" height="${box.height}" `);
  };
}
