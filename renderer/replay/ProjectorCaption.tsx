import type { LabEvent } from '../../shared/events';
import { LessonPanel } from '../lessons/lessonPanels';
import { NarrationCaption } from '../lessons/NarrationPanel';
import { QuestionOverlay } from '../lessons/QuestionOverlay';
import { useLiveView, useObra } from '../store/useObra';

const NO_EVENTS: readonly LabEvent[] = [];

/**
 * Projector mode's caption bar: the narration step being told, at the bottom,
 * following the playhead — and the lesson's extra panel beside it, if it
 * declares one (the blocking lesson's latency chart is its evidence: it stays
 * on the projector).
 */
export function ProjectorCaption() {
  const { version, cursor } = useLiveView(120);
  const run = useObra((s) => s.run);
  const lang = useObra((s) => s.lang);
  const lesson = useObra((s) => s.lesson);
  const log = run?.events ?? NO_EVENTS;
  return (
    <div className="projector-caption">
      <NarrationCaption lesson={lesson} log={log} version={version} cursor={cursor} lang={lang} />
      <LessonPanel lesson={lesson} log={log} version={version} cursor={cursor} lang={lang} large />
      {/* Class mode: a question step stops the replay and fills the screen. */}
      <QuestionOverlay />
    </div>
  );
}
