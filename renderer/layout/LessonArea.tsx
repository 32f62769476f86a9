import type { LabEvent } from '../../shared/events';
import { useMessages } from '../i18n/useMessages';
import { CodePanel } from '../lessons/CodePanel';
import { NarrationPanel } from '../lessons/NarrationPanel';
import { useLiveView, useObra } from '../store/useObra';

const NO_EVENTS: readonly LabEvent[] = [];

/** The right-hand column: the running code and the lesson's narration (both from renderer/lessons). */
export function LessonArea() {
  const { lang } = useMessages();
  const { version, cursor } = useLiveView(120);
  const run = useObra((s) => s.run);
  const script = useObra((s) => s.script);
  const sources = useObra((s) => s.sources);
  const demoId = script?.kind === 'demo' ? script.demoId : null;
  const log = run?.events ?? NO_EVENTS;
  return (
    <div className="lesson-area">
      <div className="code-area">
        <CodePanel demoId={demoId} sources={sources} log={log} version={version} cursor={cursor} lang={lang} />
      </div>
      <div className="narration-area">
        <NarrationPanel demoId={demoId} log={log} version={version} cursor={cursor} lang={lang} />
      </div>
    </div>
  );
}
