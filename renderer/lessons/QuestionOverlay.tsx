/**
 * Predict, then see, in class (projector mode): when the replay reaches a
 * question step, it stops just before the step's event and the question
 * fills the screen with its choices. Enter (or Space, or the clicker's
 * PageDown) moves the playhead to the event — the stage shows what happened —
 * and marks the right choice with the step's text; Enter again closes it and
 * the replay goes on if it was playing. Escape closes it where it stands.
 */
import { useEffect, useRef, useState } from 'react';
import { narrate } from '../../shared/narration';
import { MESSAGES } from '../i18n';
import type { ObraStore } from '../store/obraStore';
import { useObra, useObraStore } from '../store/useObra';
import { logOf } from './lessonScripts';
import { justBefore, linesAtEnd, questionCrossed, type AskedQuestion } from './questionGate';
import './question.css';

interface Asking extends AskedQuestion {
  revealed: boolean;
  /** The replay was playing when it stopped: it plays on after the answer. */
  resume: boolean;
}

const LETTERS = 'ABCDEF';
const NEXT_KEYS = new Set(['Enter', ' ', 'PageDown', 'ArrowRight']);

interface Gate {
  asking: Asking | null;
  /** Move to the question's event (the answer happens on the stage) and show which choice was right. */
  reveal(): void;
  /** Close the question; the replay plays on if it was playing. */
  close(resume: boolean): void;
}

/** Stops the replay at question steps while mounted (projector mode). */
function useQuestionGate(store: ObraStore): Gate {
  const [asking, setAsking] = useState<Asking | null>(null);
  /** The question being answered: the move to its own event passes the gate. */
  const answering = useRef<number | null>(null);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        // Only a replay stops: a live run does not wait for the class.
        if (state.followLive || state.cursor <= previous.cursor || !state.run || state.run !== previous.run) return;
        const lines = linesAtEnd(state.lesson, state.run.events, state.version, state.lang);
        const crossed = questionCrossed(lines, previous.cursor, state.cursor);
        if (!crossed || crossed.n === answering.current) return;
        store.setState({ cursor: justBefore(crossed.t), playing: false });
        setAsking({ ...crossed, revealed: false, resume: previous.playing || state.playing });
      }),
    [store],
  );
  return {
    asking,
    reveal() {
      if (!asking) return;
      answering.current = asking.n;
      store.setState({ cursor: asking.t, followLive: false });
      setAsking({ ...asking, revealed: true });
    },
    close(resume) {
      setAsking(null);
      answering.current = null;
      if (resume && asking?.resume) store.getState().play();
    },
  };
}

export function QuestionOverlay() {
  const store = useObraStore();
  const gate = useQuestionGate(store);
  const { asking } = gate;
  const lang = useObra((s) => s.lang);
  const lesson = useObra((s) => s.lesson);
  const run = useObra((s) => s.run);
  const version = useObra((s) => s.version);
  const cursor = useObra((s) => s.cursor);

  useEffect(() => {
    if (!asking) return;
    // Before the shortcuts (classroomKeys listens on the window, bubbling): these keys answer the question.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') gate.close(false);
      else if (!NEXT_KEYS.has(e.key)) return;
      else if (!asking.revealed) gate.reveal();
      else gate.close(true);
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [asking, gate]);

  if (!asking || !lesson || !run) return null;
  const log = logOf(lesson, run.events);
  const lines = narrate(lesson.steps, log, cursor, lang);
  const line = lines.find((l) => l.n === asking.n);
  if (!line?.question) return null;
  const m = MESSAGES[lang].lesson.question;
  const told = asking.revealed && line.reached ? line : null;
  return (
    <div className={`question-overlay${told ? ' is-revealed' : ''}`} role="dialog" aria-modal="true" aria-labelledby="question-text" data-step={asking.n} data-version={version}>
      <div className="question-card">
        <p className="question-badge">
          {m.label} · {asking.n}
        </p>
        <h2 id="question-text" className="question-text">
          {line.question.text}
        </h2>
        <ol className="question-choices-large">
          {line.question.choices.map((choice, i) => {
            const right = told !== null && i + 1 === line.question?.answer;
            return (
              <li key={i} className={right ? 'is-answer' : told ? 'is-other' : undefined}>
                <span className="question-letter" aria-hidden="true">
                  {LETTERS[i]}
                </span>
                {choice}
                {right && <span className="question-right"> ✓ {m.right}</span>}
              </li>
            );
          })}
        </ol>
        {told && (
          <p className="question-told" aria-live="polite">
            <strong>{m.answer}:</strong> {told.text}
          </p>
        )}
        <p className="question-hint">{told ? m.continueHint : m.revealHint}</p>
      </div>
    </div>
  );
}

