/**
 * The code panel: the exact files of the running demo, one tab each,
 * highlighted by our own small tokenizer (React text nodes, never HTML), with
 * the line behind the event under the playhead marked and scrolled into view.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DemoSource, Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { codeFocus } from './codeFocus';
import { highlight, type Token } from './highlight';
import type { OpenLesson } from '../store/obraState';
import { logOf, tell } from './lessonScripts';
import './lessons.css';

export interface CodePanelProps {
  lesson: OpenLesson | null;
  sources: DemoSource[];
  log: readonly LabEvent[];
  version: number;
  cursor: number;
  lang: Lang;
}

const LABEL: Record<Lang, { code: string; files: string; empty: string; line: string }> = {
  es: { code: 'Código', files: 'Archivos', empty: 'Elige una demo para ver su código.', line: 'línea' },
  en: { code: 'Code', files: 'Files', empty: 'Pick a demo to see its code.', line: 'line' },
};

export function CodePanel({ lesson, sources, log, version, cursor, lang }: CodePanelProps) {
  const narration = tell(lesson, log, version, cursor, lang);
  // `log` grows in place: `version` says when it changed.
  const focus = useMemo(() => codeFocus(logOf(lesson, log), cursor, sources, narration), [lesson, log, version, cursor, sources, narration]);
  const [tab, setTab] = useState<string | null>(null);

  // Follow the focus to its file whenever it moves; a click on a tab holds until the next move.
  const focusKey = focus ? `${focus.path}:${focus.line}:${focus.t}` : '';
  useEffect(() => {
    if (focus) setTab(focus.path);
  }, [focusKey]);

  const active = sources.find((s) => s.path === tab) ?? sources[0] ?? null;
  const lines = useMemo(() => (active ? highlight(active.text, active.path) : []), [active]);
  const focusLine = focus && active && focus.path === active.path ? focus.line : null;
  const scroller = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const box = scroller.current;
    const row = focusLine === null ? null : box?.querySelector<HTMLElement>(`[data-line="${focusLine}"]`);
    if (!box || !row) return;
    const top = row.offsetTop;
    if (top < box.scrollTop || top + row.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [focusLine, active]);

  const text = LABEL[lang];
  if (!active) {
    return (
      <section className="code-panel" aria-label={text.code}>
        <p className="code-empty">{text.empty}</p>
      </section>
    );
  }
  return (
    <section className="code-panel" aria-label={text.code} data-focus-line={focusLine ?? undefined} data-focus-file={focus?.path}>
      <div className="code-tabs" role="tablist" aria-label={text.files}>
        {sources.map((s) => (
          <button
            key={s.path}
            type="button"
            role="tab"
            className={`code-tab${s === active ? ' is-active' : ''}${focus?.path === s.path ? ' has-focus' : ''}`}
            aria-selected={s === active}
            onClick={() => setTab(s.path)}
          >
            {s.path}
          </button>
        ))}
        {focusLine !== null && (
          <span className="code-where">
            {text.line} {focusLine}
          </span>
        )}
      </div>
      <div className="code-scroll" ref={scroller} role="tabpanel" aria-label={active.path} tabIndex={0}>
        <pre className="code">
          <code>
            {lines.map((tokens, i) => (
              <CodeLine key={i} n={i + 1} tokens={tokens} focus={focusLine === i + 1} />
            ))}
          </code>
        </pre>
      </div>
    </section>
  );
}

const CodeLine = memo(function CodeLine({ n, tokens, focus }: { n: number; tokens: Token[]; focus: boolean }) {
  return (
    <span className={`code-line${focus ? ' is-focus' : ''}`} data-line={n} aria-current={focus ? 'true' : undefined}>
      <span className="code-ln" aria-hidden="true">
        {n}
      </span>
      <span className="code-text">
        {tokens.map((t, k) => (
          <span key={k} className={`tok-${t.kind}`}>
            {t.text}
          </span>
        ))}
        {'\n'}
      </span>
    </span>
  );
});
