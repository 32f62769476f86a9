/**
 * The stage at a cursor as a standalone SVG document, drawn from the log (not
 * grabbed from the screen), for "Export SVG/PNG" and slides: the same drawing
 * the live stage shows, at any size. Reduced motion is used, so nothing is
 * caught mid-flight in a blur of arcs: crates show where they land.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { LabEvent } from '../../shared/events';
import { stageStateAt } from './model';
import type { StageState } from './model-types';
import { StageSvg } from './StageSvg';
import { LoopQueueIndex } from './loopQueue';
import type { StageTheme } from './art/stageTheme';
import type { Lang } from '../../shared/api';

export interface StageExportOptions {
  width: number;
  height: number;
  lang: Lang;
  /** Size of everything drawn (1 = the app at 1366 px; 1.75 for a projector). */
  unit?: number;
  selectedPid?: number | null;
  /** Draw flights in motion (as live) instead of where they land. */
  motion?: boolean;
  /** Light (the default, as the stage was always exported) or dark ground. */
  theme?: StageTheme;
}

export function stageSvgText(log: readonly LabEvent[], cursor: number, o: StageExportOptions): string {
  const loop = new LoopQueueIndex();
  loop.update(log);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${stageSvgMarkup(stageStateAt(log, cursor), cursor, o, loop)}\n`;
}

/** The stage's <svg> element for a state already folded (a video's frames keep one StageTracker), sized in pixels. */
export function stageSvgMarkup(state: StageState, cursor: number, o: StageExportOptions, loop?: LoopQueueIndex): string {
  const svg = renderToStaticMarkup(
    createElement(StageSvg, {
      state,
      cursor,
      box: { width: o.width, height: o.height, unit: o.unit ?? 1 },
      lang: o.lang,
      reduced: !o.motion,
      selectedPid: o.selectedPid ?? null,
      theme: o.theme ?? 'light',
      loop,
    }),
  );
  // The live stage fills its box (100%); a document says its size, once.
  return svg.replace(' width="100%"', ` width="${o.width}"`).replace(' height="100%"', ` height="${o.height}"`);
}
