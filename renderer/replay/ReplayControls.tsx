import { memo, useId } from 'react';
import { formatDuration } from '../i18n/format';
import type { ObraState } from '../store/obraState';
import { useLiveView, useObra, useObraStore } from '../store/useObra';
import { SPEEDS } from './teachingTime';
import { useClassroomText } from './useClassroomText';

/**
 * Replay: step back, play/pause, step forward, the playhead as a slider,
 * speed and teaching speed. It moves the same cursor the live view follows.
 */
export function ReplayControls() {
  const t = useClassroomText();
  const lang = useObra((s) => s.lang);
  const none = useObra((s) => !s.run);
  const playing = useObra((s) => s.playing);
  const speed = useObra((s) => s.speed);
  const teaching = useObra((s) => s.teaching);
  const followLive = useObra((s) => s.followLive);
  const store = useObraStore();
  const s = (): ObraState => store.getState();
  const speedId = useId();
  return (
    <div className="replay-controls" role="group" aria-label={t.replay}>
      <button type="button" className="replay-button" disabled={none} aria-label={t.stepBack} title={`${t.stepBack} (←)`} onClick={() => s().stepEvent(-1)}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2 2h2.5v12H2zM14 2v12L5 8z" />
        </svg>
      </button>
      <button type="button" className="replay-button replay-play" disabled={none} aria-label={playing ? t.pause : t.play} title={`${playing ? t.pause : t.play} (Space)`} onClick={() => s().togglePlay()}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d={playing ? 'M3 2h3.5v12H3zM9.5 2H13v12H9.5z' : 'M3 2v12l11-6z'} />
        </svg>
      </button>
      <button type="button" className="replay-button" disabled={none} aria-label={t.stepForward} title={`${t.stepForward} (→)`} onClick={() => s().stepEvent(1)}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M11.5 2H14v12h-2.5zM2 2v12l9-6z" />
        </svg>
      </button>
      <ReplayPlayhead />
      <label htmlFor={speedId} className="replay-label">
        {t.speed}
      </label>
      <select id={speedId} value={speed} onChange={(e) => s().setSpeed(Number(e.target.value))}>
        {SPEEDS.map((x) => (
          <option key={x} value={x}>
            {x.toLocaleString(lang)}×
          </option>
        ))}
      </select>
      <label className="replay-teaching" title={t.teachingHint}>
        <input type="checkbox" checked={teaching} onChange={(e) => s().setTeaching(e.target.checked)} /> {t.teaching}
      </label>
      <button type="button" className="small-button" aria-pressed={followLive} disabled={none} onClick={() => s().setFollowLive(true)}>
        {t.live}
      </button>
    </div>
  );
}

/**
 * The playhead as a slider and as text. It alone follows the log, paced by
 * the LiveTicker (the run's length is read when the ticker fires, not on
 * every batch), so a live run does not re-render the buttons and the select.
 */
const ReplayPlayhead = memo(function ReplayPlayhead() {
  const t = useClassroomText();
  const lang = useObra((s) => s.lang);
  const { cursor } = useLiveView(60);
  const run = useObra((s) => s.run);
  const store = useObraStore();
  const duration = run?.index.lastT ?? 0;
  return (
    <>
      <input
        type="range"
        className="replay-scrub"
        aria-label={t.playhead}
        disabled={!run}
        min={0}
        max={Math.max(duration, 1)}
        step="any"
        value={Math.min(cursor, Math.max(duration, 1))}
        aria-valuetext={formatDuration(cursor, lang)}
        onChange={(e) => store.getState().setCursor(Number(e.target.value))}
      />
      <output className="replay-time" aria-label={t.playhead}>
        {formatDuration(cursor, lang)} / {formatDuration(duration, lang)}
      </output>
    </>
  );
});
