/**
 * The narration panel: the lesson's numbered steps, told as the run (or the
 * replay) reaches their events, with this run's numbers. The step being told
 * is emphasised; the next one waits, dimmed; skipped ones stay out of the way.
 * A step that asks a question shows it with its choices, and its answer once
 * its event has happened. The lesson's own extra panel, if it declares one,
 * goes below. A script of one's own (no lesson) has its story told instead.
 */
import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { currentLine, type NarrationLine } from '../../shared/narration';
import { changedRanFiles } from '../editor/editsSlice';
import { MESSAGES } from '../i18n';
import type { OpenLesson } from '../store/obraState';
import { useObra, useObraStore } from '../store/useObra';
import { liveTickerOf } from '../store/liveTicker';
import { LessonPanel } from './lessonPanels';
import { tell } from './lessonScripts';
import { foldStory, scriptStory } from './scriptStory';
import { runOverAt, visibleSteps } from './visibleSteps';
import './lessons.css';
import './question.css';

export interface NarrationPanelProps {
  lesson: OpenLesson | null;
  /** Opens author mode (shown when there is a run to write steps for). */
  onAuthor?: () => void;
  log: readonly LabEvent[];
  version: number;
  cursor: number;
  lang: Lang;
}

export function NarrationPanel({ lesson, onAuthor, log, version, cursor, lang }: NarrationPanelProps) {
  const changed = useObra(changedRanFiles);
  const lines = useNarration(lesson, log, version, cursor, lang);
  const story = lesson === null && lines !== null;
  const text = MESSAGES[lang].lesson.narration;
  const edited = MESSAGES[lang].editor;
  const list = useRef<HTMLOListElement>(null);
  const current = lines ? currentLine(lines) : null;

  // After the frame, not in the commit: reading a position makes Chromium lay out the whole page
  // there and then (45 ms as a flood's workers came in); after the frame's own layout it costs little.
  useEffect(() => {
    const box = list.current;
    const item = box?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!box || !item) return;
    if (item.offsetTop < box.scrollTop || item.offsetTop + item.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, item.offsetTop - box.clientHeight / 3);
    }
  }, [current?.n, version]);

  const author = onAuthor && (
    <button type="button" className="small-button author-open" onClick={onAuthor}>
      {MESSAGES[lang].lesson.author.open}
    </button>
  );
  if (!lines) {
    return (
      <section className="narration-panel" aria-label={text.title}>
        {author && <header className="narration-head">{author}</header>}
        <p className="narration-hint">{lesson === null ? text.own : ''}</p>
        <LessonPanel lesson={lesson} log={log} version={version} cursor={cursor} lang={lang} />
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
        {author}
      </header>
      {changed.length > 0 && !story && <p className="narration-edited">{edited.differs(changed.map((f) => f.path).join(', '))}</p>}
      {reached === 0 && <p className="narration-hint">{text.start}</p>}
      {/* The numbers' column as wide as the largest number (a script's story runs to 401). */}
      <ol className="narration-steps" ref={list} tabIndex={0} aria-label={text.title} style={{ '--step-digits': String(Math.max(2, String(lines.length).length)) } as CSSProperties}>
        {/* Edited code may never reach the steps still to come: none is announced. */}
        {visibleSteps(lines, runOverAt(log, cursor) || changed.length > 0).map((l) => (
          <NarrationStep key={l.n} line={l} current={l === current} next={text.next} lang={lang} />
        ))}
      </ol>
      <LessonPanel lesson={lesson} log={log} version={version} cursor={cursor} lang={lang} />
    </section>
  );
}

/**
 * One step in the list. Memoised: a story's lines keep their objects while their text stands
 * (scriptStory's `told`), so under a flood only the line still counting renders again.
 */
const NarrationStep = memo(function NarrationStep({ line: l, current, next, lang }: { line: NarrationLine; current: boolean; next: string; lang: Lang }) {
  return (
    <li value={l.n} className={`narration-step${current ? ' is-current' : ''}${l.reached ? ' is-reached' : ' is-next'}${l.question ? ' is-question' : ''}`} aria-current={current ? 'step' : undefined} data-step={l.n}>
      {!l.reached && <span className="narration-next">{next}: </span>}
      {l.question && <StepQuestion line={l} lang={lang} />}
      {(l.reached || !l.question) && l.text}
    </li>
  );
});

/** A question step in the list: the question, its choices, and which is right once the step is reached. */
function StepQuestion({ line, lang }: { line: NarrationLine; lang: Lang }) {
  const q = line.question as NonNullable<NarrationLine['question']>;
  const m = MESSAGES[lang].lesson.question;
  return (
    <div className="step-question">
      <span className="question-badge">{m.label}</span> {q.text}
      <ol className="question-choices" type="A">
        {q.choices.map((choice, i) => {
          const right = line.reached && i + 1 === q.answer;
          return (
            <li key={i} className={right ? 'is-answer' : undefined}>
              {choice}
              {right && <span className="visually-hidden"> ({m.right})</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The step being told, alone: the caption bar of projector mode. */
export function NarrationCaption({ lesson, log, version, cursor, lang }: NarrationPanelProps) {
  const lines = useNarration(lesson, log, version, cursor, lang);
  const current = lines ? currentLine(lines) : null;
  if (!current) return null;
  return (
    <p className="narration-caption" aria-live="polite">
      <span className="narration-caption-n">{current.n}</span> {current.text}
    </p>
  );
}

/** How often a live run's story is folded on between the panel's renders (paced by the live ticker). */
const FOLD_MS = 50;

/**
 * The lines told at the cursor: a lesson's steps (still bound to the code that
 * ran), or, for a script of one's own, its story told from its events.
 */
function useNarration(lesson: OpenLesson | null, log: readonly LabEvent[], version: number, cursor: number, lang: Lang): NarrationLine[] | null {
  const changed = useObra(changedRanFiles);
  const story = MESSAGES[lang].story;
  const told = tell(lesson, log, version, cursor, lang, changed);
  const store = useObraStore();
  useEffect(() => {
    if (lesson !== null) return;
    return liveTickerOf(store).add(FOLD_MS, () => {
      const { run, cursor: now } = store.getState();
      if (run) foldStory(run.events, now, lang, story);
    });
  }, [store, lesson, lang, story]);
  // `log` grows in place: `version` says when it changed.
  const own = useMemo(() => (lesson === null && log.length > 0 ? scriptStory(log, cursor, lang, story) : null), [lesson, log, version, cursor, lang, story]);
  return told ?? own;
}
