/**
 * The console panel: what every process printed by the playhead, one line
 * each, named by its pid and program (the boss's own lines, a worker's chunks),
 * stderr marked in words as well as colour. It follows the playhead like the
 * narration, and keeps its newest line in view.
 */
import { memo, useMemo } from 'react';
import type { Lang } from '../../shared/api';
import type { RunLog } from '../model/runLog';
import { shortCommand, visualKind } from '../model/processRecord';
import { consoleLines } from './consoleLines';
import { MESSAGES } from '../i18n';
import { formatNumber } from '../../shared/number-format';
import './console.css';

export interface ConsolePanelProps {
  run: RunLog | null;
  version: number;
  cursor: number;
  lang: Lang;
}

export function ConsolePanel({ run, version, cursor, lang }: ConsolePanelProps) {
  const text = MESSAGES[lang].lesson.console;
  const lines = useMemo(() => (run ? consoleLines(run.events, cursor) : []), [run, version, cursor]);
  const number = (n: number): string => formatNumber(n, lang);
  const who = (pid: number | null): { name: string; kind: string } => {
    const record = pid === null ? undefined : run?.index.processes.get(pid);
    if (!record) return { name: '?', kind: 'os' };
    return { name: record.kind === 'boss' ? text.boss : shortCommand(record, 22), kind: visualKind(record) };
  };
  return (
    <section className="console-panel" aria-label={text.title}>
      <h2 className="console-title">{text.title}</h2>
      {lines.length === 0 ? (
        <p className="console-empty">{text.empty}</p>
      ) : (
        // The scroller stacks from its end (column-reverse around the list): it stays on the newest
        // line as lines come in, with no scroll position set or read by script (a read lays out).
        <div className="console-scroll" tabIndex={0} role="group" aria-label={text.title}>
          <ol className="console-lines">
            {lines.map((line) => {
              const w = who(line.pid);
              const note = line.chunks > 1 ? text.chunks(number(line.chunks), number(line.bytes)) : line.cut ? text.cut(number(line.bytes)) : '';
              return <ConsoleRow key={line.key} pid={line.pid} stream={line.stream} name={w.name} kind={w.kind} text={line.text} note={note} />;
            })}
          </ol>
        </div>
      )}
    </section>
  );
}

interface ConsoleRowProps {
  pid: number | null;
  stream: 'stdout' | 'stderr';
  name: string;
  kind: string;
  text: string;
  note: string;
}

/**
 * One line, keyed by where it is in the log and re-rendered only when what it shows changes: as a
 * flood scrolls the console, only the lines that came in are laid out, not all 300 again.
 */
const ConsoleRow = memo(function ConsoleRow({ pid, stream, name, kind, text, note }: ConsoleRowProps) {
  return (
    <li className={`console-line is-${stream}`} data-pid={pid ?? undefined}>
      <span className={`console-who console-${kind}`}>
        {pid ?? '—'} {name}
      </span>
      {stream === 'stderr' && <span className="console-stream">stderr</span>}
      <span className="console-text">
        {text}
        {note}
      </span>
    </li>
  );
});
