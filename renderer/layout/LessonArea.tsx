import { useState } from 'react';
import type { LabEvent } from '../../shared/events';
import { AuthorPanel } from '../lessons/AuthorPanel';
import { useMessages } from '../i18n/useMessages';
import { CodePanel } from '../lessons/CodePanel';
import { NarrationPanel } from '../lessons/NarrationPanel';
import { ConsolePanel } from '../lessons/ConsolePanel';
import { PanelBoundary } from './PanelBoundary';
import { useLiveView, useObra } from '../store/useObra';
import { useRenderCost } from '../store/useRenderCost';

const NO_EVENTS: readonly LabEvent[] = [];

/**
 * The right-hand column (renderer/lessons): the running code, the lesson's
 * narration and the console. In projector mode the narration is the caption
 * bar instead, and this column (code and console) comes and goes with `C`.
 */
export function LessonArea({ narration = true }: { narration?: boolean }) {
  const { m, lang } = useMessages();
  const pace = useRenderCost(120, 0.05);
  const { version, cursor } = useLiveView(pace.interval, { deferred: true });
  pace.key.current = version;
  const run = useObra((s) => s.run);
  const lesson = useObra((s) => s.lesson);
  const sources = useObra((s) => s.sources);
  const log = run?.events ?? NO_EVENTS;
  // Author mode: the narration's place, for as long as the author writes steps.
  const [authoring, setAuthoring] = useState(false);
  return (
    <div className={`lesson-area${narration ? '' : ' without-narration'}`}>
      <div className="code-area">
        <PanelBoundary name={m.panels.code} retry={m.panels.retry} resetKey={run}>
          <CodePanel lesson={lesson} sources={sources} log={log} version={version} cursor={cursor} lang={lang} />
        </PanelBoundary>
      </div>
      {narration && (
        <div className="narration-area">
          <PanelBoundary name={m.panels.narration} retry={m.panels.retry} resetKey={run}>
            {authoring && run ? (
              <AuthorPanel key={lesson ? lesson.info.id : 'script'} onClose={() => setAuthoring(false)} />
            ) : (
              <NarrationPanel lesson={lesson} onAuthor={run ? () => setAuthoring(true) : undefined} log={log} version={version} cursor={cursor} lang={lang} />
            )}
          </PanelBoundary>
        </div>
      )}
      <div className="console-area">
        <PanelBoundary name={m.panels.console} retry={m.panels.retry} resetKey={run}>
          <ConsolePanel run={run} version={version} cursor={cursor} lang={lang} />
        </PanelBoundary>
      </div>
    </div>
  );
}
