/**
 * Measurement for benchmarks, on only when the page is opened with `perf` in
 * its query string: how long each stage frame took, from folding the new
 * events to React's commit (window.__obraStageFrames).
 */
import { perfEnabled } from '../perf/frameLog';

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

export const stageFrames: StageFrameLog | null = perfEnabled ? { frameMs: [], logLength: [] } : null;
if (stageFrames) window.__obraStageFrames = stageFrames;
