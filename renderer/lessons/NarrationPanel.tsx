/**
 * The narration panel: the demo's numbered steps, told as the run (or the
 * replay) reaches their events, with this run's numbers. The step being told
 * is emphasised; the next one waits, dimmed; skipped ones stay out of the way.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { currentLine } from '../../shared/narration';
import { LatencyChart } from './LatencyChart';
import { tell } from './lessonScripts';
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
    own: 'La narración acompaña a las demos. Para tu propio programa, mira el escenario y la línea de tiempo.',
    of: 'de',
  },
  en: {
    title: 'Step by step',
    next: 'Coming up',
    start: 'Run the demo: each step appears as it happens.',
    own: "Narration comes with the demos. For your own program, watch the stage and the timeline.",
    of: 'of',
  },
};

export function NarrationPanel({ demoId, log, version, cursor, lang }: NarrationPanelProps) {
  const lines = tell(demoId, log, version, cursor, lang);
  const text = LABEL[lang];
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
    <section className="narration-panel" aria-label={text.title} data-reached={reached} data-current={current?.n}>
      <header className="narration-head">
        <h2>{text.title}</h2>
        <span className="narration-count">
          {reached} {text.of} {lines.length}
        </span>
      </header>
      {reached === 0 && <p className="narration-hint">{text.start}</p>}
      <ol className="narration-steps" ref={list} tabIndex={0} aria-label={text.title}>
        {visibleSteps(lines, runOverAt(log, cursor)).map((l) => (
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
  const lines = tell(demoId, log, version, cursor, lang);
  const current = lines ? currentLine(lines) : null;
  if (!current) return null;
  return (
    <p className="narration-caption" aria-live="polite">
      <span className="narration-caption-n">{current.n}</span> {current.text}
    </p>
  );
}
