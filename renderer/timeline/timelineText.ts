import { PROJECTOR_LANE_HEIGHT } from './laneLayout';

/**
 * Every text the timeline draws on its canvases, in CSS px, from one scale:
 * 1 at the desk, raised in projector mode so the smallest text (an exit code)
 * is 24 px — readable from the back of the room, like the rest of the page.
 */
export interface TimelineText {
  scale: number;
  /** The time axis's tick labels. */
  axisPx: number;
  /** The number beside an exit flag. */
  exitCodePx: number;
  /** Node's code or the signal beside an error octagon. */
  markerPx: number;
}

/** The sizes at the desk (scale 1). */
const BASE = { axisPx: 12, exitCodePx: 10, markerPx: 11 } as const;
/** Projector mode: the smallest base size (10 px) becomes 24 px. */
export const PROJECTOR_TEXT_SCALE = 24 / Math.min(BASE.axisPx, BASE.exitCodePx, BASE.markerPx);

export function timelineText(scale: number): TimelineText {
  const px = (base: number): number => Math.round(base * scale);
  return { scale, axisPx: px(BASE.axisPx), exitCodePx: px(BASE.exitCodePx), markerPx: px(BASE.markerPx) };
}

/** The text of a timeline whose lanes are `laneHeight` tall (projector lanes are 48 px). */
export function timelineTextFor(laneHeight: number): TimelineText {
  return timelineText(laneHeight >= PROJECTOR_LANE_HEIGHT ? PROJECTOR_TEXT_SCALE : 1);
}

/** Sets a canvas font and notes its size: the painter shows the smallest it used (data-min-font-px). */
export class FontSizes {
  min = Infinity;

  use(ctx: Pick<CanvasRenderingContext2D, 'font'>, px: number, weight: 'normal' | 'bold' = 'normal'): void {
    ctx.font = `${weight === 'bold' ? 'bold ' : ''}${px}px system-ui, sans-serif`;
    this.min = Math.min(this.min, px);
  }

  /** After a paint: the smallest size on `canvas` as data-min-font-px (absent when no text was drawn). */
  show(canvas: HTMLCanvasElement): void {
    const value = Number.isFinite(this.min) ? String(this.min) : undefined;
    // Written only when it changes: this runs on every draw.
    if (canvas.dataset.minFontPx === value) return;
    if (value === undefined) delete canvas.dataset.minFontPx;
    else canvas.dataset.minFontPx = value;
  }
}
