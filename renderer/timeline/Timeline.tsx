import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useMessages } from '../i18n/useMessages';
import { formatNumber } from '../i18n/format';
import { useLiveView, useObra, useObraStore } from '../store/useObra';
import { createHoverStore } from './hoverStore';
import { LANE_HEIGHT, PROJECTOR_LANE_HEIGHT } from './laneLayout';
import { ProcessList } from './ProcessList';
import { TaskLegend } from './TaskLegend';
import { TimelineLegend } from './TimelineLegend';
import { TimelinePainter } from './TimelinePainter';
import { TimelineTooltip } from './TimelineTooltip';
import { attachTimelineInput } from './timelineInput';

/**
 * The timeline: a lane per process nested by parent, drawn on canvas by
 * TimelinePainter; the labels beside the lanes are the accessible Processes list.
 */
export function Timeline() {
  const store = useObraStore();
  const { m, lang } = useMessages();
  const run = useObra((s) => s.run);
  const selectedPid = useObra((s) => s.selection.pid);
  const followLive = useObra((s) => s.followLive);
  const selectProcess = useObra((s) => s.selectProcess);
  const setFollowLive = useObra((s) => s.setFollowLive);
  const { version } = useLiveView(240);
  const [hover] = useState(createHoverStore);
  const sectionRef = useRef<HTMLElement>(null);
  const axisRef = useRef<HTMLCanvasElement>(null);
  const lanesRef = useRef<HTMLCanvasElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const keysRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  const projector = useObra((s) => s.projector);
  const laneHeight = projector ? PROJECTOR_LANE_HEIGHT : LANE_HEIGHT;

  useEffect(() => {
    const [section, axis, lanes, body, rows, keys] = [sectionRef.current, axisRef.current, lanesRef.current, bodyRef.current, rowsRef.current, keysRef.current];
    if (!section || !axis || !lanes || !body || !rows || !keys) return;
    const painter = new TimelinePainter(store, { axis, lanes, body, rows }, hover, laneHeight);
    const detach = attachTimelineInput(store, painter, hover, { axis, lanes, body, rows, keys, section });
    return () => {
      detach();
      painter.destroy();
    };
  }, [store, hover, laneHeight]);

  // The lanes list follows the log at the panels' pace; the canvas follows it every frame.
  const lanes = useMemo(() => (version >= 0 && run ? [...run.index.lanes()] : []), [run, version]);
  const sampleMs = run?.index.runStart?.sampleIntervalMs;

  return (
    <section className="timeline" ref={sectionRef} aria-label={m.timeline.label}>
      <div className="timeline-bar">
        <h2 className="panel-title">{m.timeline.label}</h2>
        <button type="button" className="small-button" aria-pressed={followLive} onClick={() => setFollowLive(!followLive)}>
          {m.timeline.followLive}
        </button>
        <TimelineLegend m={m} threads={lanes.some((lane) => lane.thread)} />
        {run && lanes.some((lane) => lane.tasks) && <TaskLegend lang={lang} kinds={run.index.tasks.kinds} late={run.index.tasks.lateTimers > 0} />}
        {sampleMs !== undefined && (
          <span className="timeline-note">{m.timeline.sampledNote(`${formatNumber(sampleMs, lang)} ms`)}</span>
        )}
      </div>
      <div className="timeline-head">
        <div className="timeline-corner">{m.timeline.processes}</div>
        <canvas ref={axisRef} className="timeline-axis" aria-hidden="true" />
      </div>
      <div className="timeline-body" ref={bodyRef}>
        <div className="timeline-rows" ref={rowsRef} style={{ height: lanes.length * laneHeight }}>
          <ProcessList lanes={lanes} laneHeight={laneHeight} selectedPid={selectedPid} onSelect={selectProcess} m={m} lang={lang} />
          <div
            className="timeline-canvas-cell"
            ref={keysRef}
            tabIndex={0}
            role="group"
            aria-roledescription="timeline"
            aria-label={m.timeline.label}
            aria-describedby={helpId}
          >
            <canvas ref={lanesRef} className="timeline-lanes" />
          </div>
        </div>
      </div>
      <p id={helpId} className="visually-hidden">
        {m.timeline.keysHelp}
      </p>
      <TimelineTooltip hover={hover} />
    </section>
  );
}
