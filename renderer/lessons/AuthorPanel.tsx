/**
 * Author mode: with a recording (or a finished run) on screen, the author
 * picks an event on the timeline and writes the step told there, in Spanish
 * and English. The binding is proposed from the event (renderer/lessons/
 * stepBinding.ts) and checked against the recording at every keystroke: the
 * events it matches, the one that would reach the step, the text as it would
 * be told with this run's numbers. Save writes narration.json, checked by the
 * same check every lesson passes: into the lesson's folder through Electron's
 * dialog, or as a download in a browser. The lesson on screen takes the new
 * steps at once.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { DemoSource, Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { LessonError } from '../../shared/lesson-error';
import { formatValue, narrate, type NarrationStep } from '../../shared/narration';
import { parseNarration } from '../../shared/narration-check';
import { saveFileAs } from '../export/download';
import { MESSAGES } from '../i18n';
import { noticeOf } from '../store/notices';
import { useObra, useObraStore } from '../store/useObra';
import { insertStep, positionFor, removeStep } from './draftSteps';
import { checkBinding, proposeBinding } from './stepBinding';
import './author.css';

const seconds = (t: number, lang: Lang): string => `${formatValue(t / 1e6, lang, 's')} s`;

export function AuthorPanel({ onClose }: { onClose: () => void }) {
  const store = useObraStore();
  const lang = useObra((s) => s.lang);
  const run = useObra((s) => s.run);
  const version = useObra((s) => s.version);
  const lesson = useObra((s) => s.lesson);
  const sources = useObra((s) => s.sources);
  const index = useObra((s) => s.selection.eventIndex);
  const m = MESSAGES[lang].lesson.author;
  const ids = { on: useId(), nth: useId(), es: useId(), en: useId() };
  const log = run?.events ?? [];
  const [steps, setSteps] = useState<NarrationStep[]>(() => lesson?.steps ?? []);
  const [onText, setOnText] = useState('');
  const [nth, setNth] = useState(1);
  const [text, setText] = useState({ es: '', en: '' });
  const [status, setStatus] = useState('');

  // A new event picked: the binding proposed from it. This panel describes the event: the inspector's drawer stays shut over it.
  useEffect(() => {
    if (index === null || !log[index]) return;
    store.getState().closeInspector();
    const proposed = proposeBinding(log, index);
    setOnText(JSON.stringify(proposed.on));
    setNth(proposed.nth ?? 1);
  }, [index, run]);

  const draft = useMemo(() => checkDraft(onText, nth, text, index, log, sources, lang), [onText, nth, text, index, run, version, sources, lang]);
  const event = index !== null ? log[index] : undefined;

  const add = (): void => {
    if (!draft.step || !event) return;
    setSteps(insertStep(steps, draft.step, positionFor(steps, log, event.t)));
    setText({ es: '', en: '' });
    setStatus('');
  };
  const remove = (i: number): void => {
    const { steps: left, referencedBy } = removeStep(steps, i);
    if (referencedBy !== null) setStatus(m.referenced(referencedBy));
    else setSteps(left);
  };
  const save = async (): Promise<void> => {
    const name = lesson && lesson.demoId === null ? lesson.info.id : (lesson?.demoId ?? 'lesson');
    try {
      // The same check every lesson passes, with the lesson's files for its code marks.
      const checked = parseNarration(JSON.parse(JSON.stringify(steps)), `${name}/narration.json`, lesson ? { sources: lesson.sources } : {});
      const where = await saveFileAs(new Blob([`${JSON.stringify(checked, null, 2)}\n`], { type: 'application/json' }), 'narration.json', { kind: 'narration' });
      if (where === null) return;
      if (lesson) store.setState({ lesson: { ...lesson, steps: checked } });
      setStatus(m.saved(where));
    } catch (error) {
      store.getState().pushNotice(noticeOf(error));
    }
  };

  return (
    <section className="author-panel" aria-label={m.title}>
      <header className="narration-head">
        <h2>{m.title}</h2>
        <button type="button" className="small-button" onClick={onClose}>
          {m.close}
        </button>
      </header>
      <div className="author-scroll">
        {!event ? (
          <p className="narration-hint">{m.pick}</p>
        ) : (
          <div className="author-form">
            <p className="author-event">{m.event(event.type, String(event.pid ?? '—'), seconds(event.t, lang))}</p>
            <label htmlFor={ids.on}>{m.binding}</label>
            <textarea id={ids.on} className="author-on" rows={3} spellCheck={false} value={onText} onChange={(e) => setOnText(e.target.value)} />
            <label htmlFor={ids.nth}>{m.nth}</label>
            <input id={ids.nth} type="number" min={1} value={nth} onChange={(e) => setNth(Math.max(1, Number(e.target.value) || 1))} />
            <p className={`author-check${draft.bound ? ' is-ok' : ' is-wrong'}`} role="status" data-matched={draft.matched.length}>
              {draft.problem ?? draft.check}
            </p>
            {draft.matched.length > 1 && (
              <p className="author-matches">
                {m.matchedAt}: {draft.matched.slice(0, 8).map((i) => seconds(log[i].t, lang)).join(' · ')}
                {draft.matched.length > 8 ? ' …' : ''}
              </p>
            )}
            <label htmlFor={ids.es}>{m.es}</label>
            <textarea id={ids.es} rows={2} value={text.es} onChange={(e) => setText({ ...text, es: e.target.value })} />
            <label htmlFor={ids.en}>{m.en}</label>
            <textarea id={ids.en} rows={2} value={text.en} onChange={(e) => setText({ ...text, en: e.target.value })} />
            {draft.preview && (
              <p className="author-preview">
                <strong>{m.preview}:</strong> {draft.preview}
              </p>
            )}
            <button type="button" className="toolbar-button author-add" disabled={!draft.step} onClick={add}>
              {m.add}
            </button>
          </div>
        )}
        <h3 className="author-steps-title">{m.steps}</h3>
        {steps.length === 0 ? (
          <p className="narration-hint">{m.noSteps}</p>
        ) : (
          <ol className="author-steps">
            {steps.map((s, i) => (
              <li key={i} data-step={i + 1}>
                <code>{Array.isArray(s.on.type) ? s.on.type.join('|') : s.on.type}</code> {s.text[lang]}{' '}
                <button type="button" className="small-button" onClick={() => remove(i)} aria-label={`${m.remove} ${i + 1}`}>
                  {m.remove}
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="author-save">
          <button type="button" className="toolbar-button author-save-button" disabled={steps.length === 0} onClick={() => void save()}>
            {m.save}
          </button>
          {status && <span role="status">{status}</span>}
        </div>
      </div>
    </section>
  );
}

interface Draft {
  /** The step, when its binding reaches it at the picked event and it passes the check. */
  step: NarrationStep | null;
  bound: boolean;
  check: string;
  problem: string | null;
  matched: number[];
  preview: string;
}

/** The draft step checked at once: its JSON, the lesson check, where the recording would tell it, and how. */
function checkDraft(
  onText: string,
  nth: number,
  text: { es: string; en: string },
  index: number | null,
  log: readonly LabEvent[],
  sources: readonly DemoSource[],
  lang: Lang,
): Draft {
  const m = MESSAGES[lang].lesson.author;
  const empty: Draft = { step: null, bound: false, check: '', problem: null, matched: [], preview: '' };
  if (index === null || !log[index]) return empty;
  let on: unknown;
  try {
    on = JSON.parse(onText);
  } catch (error) {
    return { ...empty, problem: (error as Error).message };
  }
  const raw = { on, ...(nth > 1 ? { nth } : {}), text: { es: text.es || '…', en: text.en || '…' } };
  let step: NarrationStep;
  try {
    [step] = parseNarration([raw], 'narration.json', { sources });
  } catch (error) {
    return { ...empty, problem: error instanceof LessonError ? error.message.replace(/^narration\.json, step 1, /, '') : String(error) };
  }
  const { matched, reached } = checkBinding({ on: step.on, ...(step.nth !== undefined ? { nth: step.nth as number } : {}) }, log);
  const bound = reached === index;
  const check = matched.length === 0 ? m.none : !bound ? m.elsewhere(reached === null ? '—' : seconds(log[reached].t, lang)) : matched.length === 1 ? m.only : m.oneOf(matched.length, matched.indexOf(index) + 1);
  const told = narrate([step], log, Number.POSITIVE_INFINITY, lang)[0];
  const unfilled = told?.missing?.length ? m.unfilled(told.missing.map((x) => `{${x}}`).join(', ')) : null;
  const written = text.es.trim() !== '' && text.en.trim() !== '';
  return { step: bound && written && !unfilled ? step : null, bound, check, problem: unfilled, matched, preview: written || text[lang] ? (told?.text ?? '') : '' };
}
