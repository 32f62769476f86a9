/**
 * The code panel: every file of the demo or script, one tab each, in an
 * editor (renderer/editor/CodeEditor.tsx). The reader edits, resets a file or
 * all of them, and Run runs the files as edited; a changed file is marked. While
 * a run or a replay plays the editor is read-only and shows the code that ran,
 * with the line behind the event at the playhead marked and kept in view; a
 * file that does not parse is marked at its line.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DemoSource, Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { CodeEditor } from '../editor/CodeEditor';
import { changedPaths, editKeyOf, withDrafts } from '../editor/editedSources';
import type { EditorMarks } from '../editor/editorMarks';
import { changedRanFiles, currentDrafts, ranSources } from '../editor/editsSlice';
import { useMessages } from '../i18n/useMessages';
import { isBusy } from '../store/catalogueSlice';
import { useObra } from '../store/useObra';
import { codeFocus } from './codeFocus';
import type { OpenLesson } from '../store/obraState';
import { logOf, tell } from './lessonScripts';
import './lessons.css';

export interface CodePanelProps {
  lesson: OpenLesson | null;
  /** The files as on disk or as opened: the originals. */
  sources: DemoSource[];
  log: readonly LabEvent[];
  version: number;
  cursor: number;
  lang: Lang;
}

const SCRIPT = /\.(c|m)?js$/i;

export function CodePanel({ lesson, sources, log, version, cursor, lang }: CodePanelProps) {
  const t = useMessages().m.editor;
  const script = useObra((s) => s.script);
  const drafts = useObra(currentDrafts);
  const ran = useObra(ranSources);
  const busy = useObra((s) => isBusy(s.status));
  const playing = useObra((s) => s.playing);
  const hasRun = useObra((s) => s.run !== null);
  const syntaxError = useObra((s) => s.syntaxError);
  const changedRan = useObra(changedRanFiles);
  const editSource = useObra((s) => s.editSource);
  const resetSource = useObra((s) => s.resetSource);
  const resetAll = useObra((s) => s.resetAll);
  const chooseBoss = useObra((s) => s.chooseBoss);

  const readOnly = busy || playing;
  const edited = useMemo(() => withDrafts(sources, drafts), [sources, drafts]);
  const changed = useMemo(() => new Set(changedPaths(sources, drafts)), [sources, drafts]);
  // What the editor shows: the code that ran while it plays, else the files as edited.
  const shown = readOnly && ran ? ran : edited;
  const narration = tell(lesson, log, version, cursor, lang, changedRan);
  // `log` grows in place: `version` says when it changed.
  const focus = useMemo(() => codeFocus(logOf(lesson, log), cursor, ran ?? edited, narration), [lesson, log, version, cursor, ran, edited, narration]);
  const [tab, setTab] = useState<string | null>(null);

  // Follow the focus to its file whenever it moves, and a syntax error to its file; a click on a tab holds until the next move.
  const focusKey = focus ? `${focus.path}:${focus.line}:${focus.t}` : '';
  useEffect(() => {
    if (focus) setTab(focus.path);
  }, [focusKey]);
  useEffect(() => {
    if (syntaxError) setTab(syntaxError.path);
  }, [syntaxError]);

  const active = shown.find((s) => s.path === tab) ?? shown[0] ?? null;
  // A marked line means something only while the file shown is the one that ran.
  const ranText = (ran ?? edited).find((s) => s.path === active?.path)?.text;
  const focusLine = focus && active && focus.path === active.path && ranText === active.text ? focus.line : null;
  const errorHere = syntaxError && active && syntaxError.path === active.path ? syntaxError : null;
  const marks = useMemo<EditorMarks>(
    () => ({
      focus: focusLine,
      error: errorHere ? { line: errorHere.line, column: errorHere.column, text: t.syntaxError(errorHere.path, errorHere.line, errorHere.column, errorHere.message) } : null,
    }),
    [focusLine, errorHere, t],
  );
  const onChange = useCallback((path: string, text: string) => editSource(path, text), [editSource]);

  if (!active) {
    return (
      <section className="code-panel" aria-label={t.code}>
        <p className="code-empty">{t.empty}</p>
      </section>
    );
  }
  const editKey = editKeyOf(script) ?? 'none';
  const own = script?.kind === 'source' || script?.kind === 'file';
  const scripts = script?.kind === 'source' ? sources.filter((s) => SCRIPT.test(s.path)) : [];
  return (
    <section className="code-panel" aria-label={t.code} data-focus-line={focusLine ?? undefined} data-focus-file={focus?.path} data-changed={changed.size}>
      <div className="code-tabs" role="tablist" aria-label={t.files}>
        {shown.map((s) => (
          <button
            key={s.path}
            type="button"
            role="tab"
            className={`code-tab${s === active ? ' is-active' : ''}${focus?.path === s.path ? ' has-focus' : ''}${changed.has(s.path) ? ' is-changed' : ''}`}
            aria-selected={s === active}
            aria-label={changed.has(s.path) ? `${s.path}, ${t.changed}` : undefined}
            onClick={() => setTab(s.path)}
          >
            {s.path}
          </button>
        ))}
        {focusLine !== null && (
          <span className="code-where">
            {t.line} {focusLine}
          </span>
        )}
      </div>
      <div className="code-tools">
        <span className="code-state">{readOnly ? (busy ? t.readOnlyRunning : t.readOnlyReplay) : changed.size > 0 ? t.changedCount(changed.size) : own && !hasRun ? t.pressRun : ''}</span>
        {scripts.length > 1 && script?.kind === 'source' && (
          <label className="code-boss">
            {t.boss}{' '}
            <select value={script.name} disabled={readOnly} onChange={(e) => chooseBoss(e.target.value)}>
              {scripts.map((s) => (
                <option key={s.path} value={s.path}>
                  {s.path}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="small-button" disabled={readOnly || !changed.has(active.path)} onClick={() => resetSource(active.path)}>
          {t.resetFile}
        </button>
        <button type="button" className="small-button" disabled={readOnly || changed.size === 0} onClick={resetAll}>
          {t.resetAll}
        </button>
      </div>
      <div className="code-scroll" role="tabpanel" aria-label={active.path}>
        <CodeEditor path={active.path} docKey={`${editKey}\n${active.path}`} text={active.text} readOnly={readOnly} marks={marks} phrases={t.phrases} onChange={onChange} />
      </div>
    </section>
  );
}
