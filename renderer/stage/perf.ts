/**
 * Measurement for benchmarks, on only when the page is opened with `perf` in
 * its query string: how long each stage frame took, from folding the new
 * events to React's commit (window.__obraStageFrames).
 */
export interface StageFrameLog {
  /** ms from the start of the stage's render to its layout effect. */
  frameMs: number[];
  /** Log length each frame showed. */
  logLength: number[];
}

declare global {
  interface Window {
    __obraStageFrames?: StageFrameLog;
  }
}

const enabled = typeof location !== 'undefined' && new URLSearchParams(location.search).has('perf');

export const stageFrames: StageFrameLog | null = enabled ? { frameMs: [], logLength: [] } : null;
if (stageFrames) window.__obraStageFrames = stageFrames;
