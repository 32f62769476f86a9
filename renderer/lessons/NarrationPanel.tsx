/**
 * The narration panel: the demo's numbered steps, told as the run (or the
 * replay) reaches their events, with this run's numbers. The step being told
 * is emphasised; the next one waits, dimmed; skipped ones stay out of the way.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { currentLine, type NarrationLine } from '../../shared/narration';
import { LatencyChart } from './LatencyChart';
import { changedRanFiles } from '../editor/editsSlice';
import { useMessages } from '../i18n/useMessages';
import { useObra } from '../store/useObra';
import { tell } from './lessonScripts';
import { scriptStory } from './scriptStory';
import { runOverAt, visibleSteps } from './visibleSteps';
import './lessons.css';

export interface NarrationPanelProps {
  demoId: string | null;
  log: readonly LabEvent[];
  version: number;
  cursor: number;
  lang: Lang;
}

const LABEL: Record<Lang, { title: string; next: string; start: string; own: string; of: string }> = {
  es: {
    title: 'Paso a paso',
    next: 'Lo que viene',
    start: 'Ejecuta la demo: cada paso aparece cuando sucede.',
    own: 'Ejecuta tu programa: su historia se cuenta aquí, a partir de sus eventos.',
    of: 'de',
  },
  en: {
    title: 'Step by step',
    next: 'Coming up',
    start: 'Run the demo: each step appears as it happens.',
    own: "Run your program: its story is told here, from its events.",
    of: 'of',
  },
};

export function NarrationPanel({ demoId, log, version, cursor, lang }: NarrationPanelProps) {
  const changed = useObra(changedRanFiles);
  const lines = useNarration(demoId, log, version, cursor, lang);
  const story = demoId === null && lines !== null;
  const text = LABEL[lang];
  const edited = useMessages().m.editor;
  const list = useRef<HTMLOListElement>(null);
  const current = lines ? currentLine(lines) : null;

  useLayoutEffect(() => {
    const box = list.current;
    const item = box?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!box || !item) return;
    if (item.offsetTop < box.scrollTop || item.offsetTop + item.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, item.offsetTop - box.clientHeight / 3);
    }
  }, [current?.n, version]);

  if (!lines) {
    return (
      <section className="narration-panel" aria-label={text.title}>
        <p className="narration-hint">{demoId === null ? text.own : ''}</p>
      </section>
    );
  }
  const reached = lines.filter((l) => l.reached).length;
  return (
    <section className="narration-panel" aria-label={text.title} data-reached={reached} data-current={current?.n} data-story={story || undefined}>
      <header className="narration-head">
        <h2>{text.title}</h2>
        {!story && (
          <span className="narration-count">
            {reached} {text.of} {lines.length}
          </span>
        )}
      </header>
      {changed.length > 0 && !story && <p className="narration-edited">{edited.differs(changed.map((f) => f.path).join(', '))}</p>}
      {reached === 0 && <p className="narration-hint">{text.start}</p>}
      <ol className="narration-steps" ref={list} tabIndex={0} aria-label={text.title}>
        {/* Edited code may never reach the steps still to come: none is announced. */}
        {visibleSteps(lines, runOverAt(log, cursor) || changed.length > 0).map((l) => (
          <li
            key={l.n}
            value={l.n}
            className={`narration-step${l === current ? ' is-current' : ''}${l.reached ? ' is-reached' : ' is-next'}`}
            aria-current={l === current ? 'step' : undefined}
            data-step={l.n}
          >
            {!l.reached && <span className="narration-next">{text.next}: </span>}
            {l.text}
          </li>
        ))}
      </ol>
      {demoId === 'blocking' && <LatencyChart log={log} version={version} cursor={cursor} lang={lang} />}
    </section>
  );
}

/** The step being told, alone: the caption bar of projector mode. */
export function NarrationCaption({ demoId, log, version, cursor, lang }: NarrationPanelProps) {
  const lines = useNarration(demoId, log, version, cursor, lang);
  const current = lines ? currentLine(lines) : null;
  if (!current) return null;
  return (
    <p className="narration-caption" aria-live="polite">
      <span className="narration-caption-n">{current.n}</span> {current.text}
    </p>
  );
}

/**
 * The lines told at the cursor: a demo's lesson (its steps still bound to the
 * code that ran), or, for a script of one's own, its story told from its events.
 */
function useNarration(demoId: string | null, log: readonly LabEvent[], version: number, cursor: number, lang: Lang): NarrationLine[] | null {
  const changed = useObra(changedRanFiles);
  const story = useMessages().m.story;
  const lesson = tell(demoId, log, version, cursor, lang, changed);
  // `log` grows in place: `version` says when it changed.
  const told = useMemo(() => (demoId === null && log.length > 0 ? scriptStory(log, cursor, lang, story) : null), [demoId, log, version, cursor, lang, story]);
  return lesson ?? told;
}
