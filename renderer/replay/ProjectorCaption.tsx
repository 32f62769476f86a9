import type { LabEvent } from '../../shared/events';
import { LatencyChart } from '../lessons/LatencyChart';
import { NarrationCaption } from '../lessons/NarrationPanel';
import { useLiveView, useObra } from '../store/useObra';

const NO_EVENTS: readonly LabEvent[] = [];

/**
 * Projector mode's caption bar: the narration step being told, at the bottom,
 * following the playhead — and the blocking lesson's latency chart beside it
 * (the chart is that lesson's evidence: it stays on the projector).
 */
export function ProjectorCaption() {
  const { version, cursor } = useLiveView(120);
  const run = useObra((s) => s.run);
  const lang = useObra((s) => s.lang);
  const demoId = useObra((s) => (s.script?.kind === 'demo' ? s.script.demoId : null));
  const log = run?.events ?? NO_EVENTS;
  return (
    <div className="projector-caption">
      <NarrationCaption demoId={demoId} log={log} version={version} cursor={cursor} lang={lang} />
      {demoId === 'blocking' && <LatencyChart log={log} version={version} cursor={cursor} lang={lang} large />}
    </div>
  );
}
