/**
 * The stage: a construction site (una obra) where the boss process stands at
 * the left with its clipboard and its workers — one per child process, in
 * hard hats coloured by the API that hired them — work, carry their output
 * as crates, radio IPC messages, plant a flag when they exit and raise a stop
 * sign when they fail.
 *
 * A pure function of (log, cursor): the state at the cursor folds the events
 * with t ≤ cursor (see model.ts), kept incrementally by a StageTracker, and
 * every motion is computed from the cursor, so a replay or a scrub shows what
 * live showed. A growing log reaches the drawing at most once per animation
 * frame; a playhead moved over the same log, at once.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { LabEvent } from '../../shared/events';
import { useFrameGate, useReducedMotion, useStageBox, type StageBox } from './hooks';
import type { StageTheme } from './art/stageTheme';
import { StageTracker } from './tracker';
import { LoopQueueIndex } from './loopQueue';
import type { TaskIndex } from '../model/taskIndex';
import { StageSvg } from './StageSvg';
import { stageFrames } from './perf';

export interface StageProps {
  /** Append-only log of the shown run (the same array grows). */
  log: readonly LabEvent[];
  /** Bumps whenever the log grew or was replaced. */
  version: number;
  /** Playhead, µs since run start (live: latest t). */
  cursor: number;
  lang: 'es' | 'en';
  selectedPid?: number | null;
  onSelectPid?: (pid: number) => void;
  /** Light (the default) or dark ground: the reader's theme. */
  theme?: StageTheme;
  /** The log's callbacks as the run's index holds them (its loop queues read them rather than index them again). */
  tasks?: TaskIndex;
}

interface Frame {
  log: readonly LabEvent[];
  version: number;
  cursor: number;
}

const sameFrame = (a: Frame, b: Frame): boolean => a.log === b.log && a.version === b.version && a.cursor === b.cursor;

interface ViewProps {
  frame: Frame;
  box: StageBox;
  lang: 'es' | 'en';
  reduced: boolean;
  selectedPid: number | null;
  onSelectPid?: (pid: number) => void;
  tracker: StageTracker;
  loop: LoopQueueIndex;
  tasks: TaskIndex | undefined;
  theme: StageTheme;
}

const StageView = memo(function StageView(p: ViewProps): JSX.Element {
  const began = stageFrames ? performance.now() : 0;
  useLayoutEffect(() => {
    if (!stageFrames) return;
    stageFrames.frameMs.push(performance.now() - began);
    stageFrames.logLength.push(p.frame.log.length);
  });
  const state = p.tracker.at(p.frame.log, p.frame.cursor);
  p.loop.update(p.frame.log, p.tasks);
  return (
    <StageSvg state={state} cursor={p.frame.cursor} box={p.box} lang={p.lang} reduced={p.reduced}
      selectedPid={p.selectedPid} onSelectPid={p.onSelectPid} theme={p.theme} loop={p.loop} />
  );
});

export function Stage(props: StageProps): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const box = useStageBox(ref);
  const reduced = useReducedMotion();
  const [tracker] = useState(() => new StageTracker());
  const [loop] = useState(() => new LoopQueueIndex());
  const gated = useFrameGate<Frame>({ log: props.log, version: props.version, cursor: props.cursor }, sameFrame);
  // A playhead the reader moves (a step, a scrub, the replay clock) over the same log is drawn at
  // once, in the commit that moves the slider and the readout: one moment on every panel. Only a
  // growing log waits for the next frame.
  const moved = gated.log === props.log && gated.version === props.version && gated.cursor !== props.cursor;
  const frame = useMemo(() => (moved ? { ...gated, cursor: props.cursor } : gated), [moved, gated, props.cursor]);
  return (
    <div ref={ref} className="obra-stage" data-testid="stage" data-cursor={Math.round(frame.cursor)} style={{ width: '100%', height: '100%', minHeight: '10rem', overflow: 'hidden' }}>
      <StageView frame={frame} box={box} lang={props.lang} reduced={reduced} selectedPid={props.selectedPid ?? null}
        onSelectPid={props.onSelectPid} tracker={tracker} loop={loop} tasks={props.tasks} theme={props.theme ?? 'light'} />
    </div>
  );
}
