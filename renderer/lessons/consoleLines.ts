/**
 * The console: what each process printed by the playhead, line by line, like
 * the terminal a program runs in — but every line says whose it is and on
 * which stream. Read from the log's output events (their previews: the boss's
 * own output comes a line per event, a child's a chunk per event). Pure.
 */
import type { LabEvent, OutputEvent } from '../../shared/events';

export interface ConsoleLine {
  /** Which line of which log entry (`index.part`): the same line keeps it as the log grows. */
  key: string;
  /** The writer. */
  pid: number | null;
  stream: 'stdout' | 'stderr';
  t: number;
  text: string;
  /** The chunk was longer than its preview: the line is its beginning. */
  cut: boolean;
  /** Coalesced output: this many chunks and bytes in one event (text is the first's). */
  chunks: number;
  bytes: number;
}

/** Lines kept at most: the newest ones, like a terminal's scrollback. */
export const CONSOLE_MAX_LINES = 300;

/** The newest `max` lines printed at t ≤ cursor, oldest first. */
export function consoleLines(log: readonly LabEvent[], cursor: number, max = CONSOLE_MAX_LINES): ConsoleLine[] {
  // From the end back: a long log is read only as far as the lines shown need.
  const picked: ConsoleLine[][] = [];
  let lines = 0;
  for (let i = log.length - 1; i >= 0 && lines < max; i--) {
    const e = log[i];
    if ((e.type !== 'stdout' && e.type !== 'stderr') || e.t > cursor) continue;
    const of = linesOf(e, i);
    picked.push(of);
    lines += of.length;
  }
  // Stable: lines of equal times stay in the order they were logged.
  return picked.reverse().sort((a, b) => a[0].t - b[0].t).flat().slice(-max);
}

const NAMED: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0', '\\': '\\' };

/**
 * A preview's text as the program wrote it: control characters come escaped
 * (\n, \t, \x1b, \u2028), and a backslash as \\ in the boss's own lines. Read
 * left to right, so `"hola\\nchau"` (JSON the boss printed) stays one line.
 */
export function unescapePreview(preview: string): string {
  return preview.replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[nrtbfv0\\])/g, (_, code: string) =>
    code.length > 1 ? String.fromCharCode(parseInt(code.slice(1), 16)) : NAMED[code],
  );
}

function linesOf(e: OutputEvent, index: number): ConsoleLine[] {
  if (e.preview === '') return [{ key: `${index}.0`, pid: e.pid, stream: e.type, t: e.t, text: '', cut: e.bytes > 0, chunks: e.count ?? 1, bytes: e.bytes }];
  const text = unescapePreview(e.preview);
  // A chunk ending in a newline ends its last line.
  const parts = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const ended = parts.length > 1 && parts[parts.length - 1] === '';
  if (ended) parts.pop();
  const shownBytes = new TextEncoder().encode(text).length;
  const cut = (e.count ?? 1) === 1 && e.bytes > shownBytes;
  return parts.map((text, i) => ({
    key: `${index}.${i}`,
    pid: e.pid,
    stream: e.type,
    t: e.t,
    text,
    cut: cut && i === parts.length - 1,
    chunks: e.count ?? 1,
    bytes: e.bytes,
  }));
}
