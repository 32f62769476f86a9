import { describe, expect, it } from 'vitest';
import { paintAxis } from './paintAxis';
import { FontSizes, timelineTextFor } from './timelineText';
import { LANE_HEIGHT, PROJECTOR_LANE_HEIGHT } from './laneLayout';

/** A 2D context that keeps what was written where; text is 0.6 em a character wide. */
function recordingContext() {
  const written: Array<{ text: string; x: number; w: number }> = [];
  let px = 10;
  const ctx = {
    set font(f: string) {
      px = Number(/(\d+)px/.exec(f)?.[1] ?? 10);
    },
    get font() {
      return `${px}px`;
    },
    measureText: (text: string) => ({ width: text.length * px * 0.6 }),
    fillText: (text: string, x: number) => written.push({ text, x, w: text.length * px * 0.6 }),
    clearRect: () => {},
    fillRect: () => {},
    beginPath: () => {},
    moveTo: () => {},
    lineTo: () => {},
    closePath: () => {},
    fill: () => {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, written };
}

describe('the time axis', () => {
  it('never writes a label over its neighbour, the last one (turned left at the edge) included', () => {
    for (const laneHeight of [LANE_HEIGHT, PROJECTOR_LANE_HEIGHT]) {
      const { axisPx } = timelineTextFor(laneHeight);
      for (let width = 200; width <= 1900; width += 37) {
        for (const spanUs of [2_600_000, 2_450_000, 950_000, 13_000]) {
          const { ctx, written } = recordingContext();
          paintAxis(ctx, { start: 0, pxPerUs: width / spanUs, width }, 40, 'en', null, axisPx, new FontSizes());
          expect(written.length, `${width} px over ${spanUs} µs`).toBeGreaterThan(0);
          for (let i = 1; i < written.length; i++) {
            expect(written[i].x, `"${written[i - 1].text}" then "${written[i].text}" at ${width} px`).toBeGreaterThanOrEqual(written[i - 1].x + written[i - 1].w);
          }
          expect(Math.max(...written.map((l) => l.x + l.w))).toBeLessThanOrEqual(width);
        }
      }
    }
  });
});

describe('timeline text sizes', () => {
  it('stay 12 / 10 / 11 px at the desk and are all ≥ 24 px in projector mode', () => {
    expect(timelineTextFor(LANE_HEIGHT)).toMatchObject({ axisPx: 12, exitCodePx: 10, markerPx: 11 });
    const projector = timelineTextFor(PROJECTOR_LANE_HEIGHT);
    expect(Math.min(projector.axisPx, projector.exitCodePx, projector.markerPx)).toBeGreaterThanOrEqual(24);
  });

  it('the smallest size used is what the canvas shows', () => {
    const { ctx } = recordingContext();
    const fonts = new FontSizes();
    fonts.use(ctx, 26, 'bold');
    fonts.use(ctx, 24);
    expect(fonts.min).toBe(24);
  });
});
