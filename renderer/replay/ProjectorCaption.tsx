import type { LabEvent } from '../../shared/events';
import { NarrationCaption } from '../lessons/NarrationPanel';
import { useLiveView, useObra } from '../store/useObra';

const NO_EVENTS: readonly LabEvent[] = [];

/** Projector mode's caption bar: the narration step being told, at the bottom, following the playhead. */
export function ProjectorCaption() {
  const { version, cursor } = useLiveView(120);
  const run = useObra((s) => s.run);
  const lang = useObra((s) => s.lang);
  const demoId = useObra((s) => (s.script?.kind === 'demo' ? s.script.demoId : null));
  return (
    <div className="projector-caption">
      <NarrationCaption demoId={demoId} log={run?.events ?? NO_EVENTS} version={version} cursor={cursor} lang={lang} />
    </div>
  );
}
