/**
 * Which line of which file the code panel points at: the line behind the
 * latest event at or before the cursor (a call's own line; for a child's
 * spawn, output, exit, callback… the line of the call that started it; for a
 * Worker thread's start, online and exit, the line of its `new Worker`), or
 * the line the current narration step talks about, when that step is newer.
 * A callback (exec, execFile, a timer the program set) points into the callback itself: the first
 * statement of the function passed to the call, not the call's line.
 */
import type { DemoSource } from '../../shared/api';
import type { LabEvent, SourceLocation } from '../../shared/events';
import { currentLine, type NarrationLine } from '../../shared/narration';

export interface CodeFocus {
  /** The tab: a DemoSource path. */
  path: string;
  /** 1-based. */
  line: number;
  /** When the event or step behind it happened (µs since the run started). */
  t: number;
}

export function codeFocus(log: readonly LabEvent[], cursor: number, sources: readonly DemoSource[], narration: readonly NarrationLine[] | null): CodeFocus | null {
  const fromEvent = latestSourcedEvent(log, cursor, sources);
  const fromStep = stepAnchor(narration, sources);
  if (fromStep && (!fromEvent || fromStep.t >= fromEvent.t)) return fromStep;
  return fromEvent;
}

function latestSourcedEvent(log: readonly LabEvent[], cursor: number, sources: readonly DemoSource[]): CodeFocus | null {
  const callSite = new Map<string, SourceLocation>();
  const workerSite = new Map<string, SourceLocation>();
  let best: { t: number; source: SourceLocation; callback: boolean } | null = null;
  for (const ev of log) {
    if (ev.t > cursor) continue;
    let source: SourceLocation | null | undefined = null;
    if (ev.type === 'call') {
      if (ev.source) callSite.set(ev.childId, ev.source);
      source = ev.source;
    } else if (ev.type === 'thread') {
      const key = `${ev.pid}:${ev.thread}`;
      if (ev.state === 'start' && ev.source) workerSite.set(key, ev.source);
      source = workerSite.get(key);
    } else if (ev.type === 'error' && ev.source) {
      source = ev.source;
    } else if (ev.type === 'task') {
      source = ev.source; // a timer's callback: the line that set it, where known
    } else if ('childId' in ev && typeof ev.childId === 'string') {
      source = callSite.get(ev.childId);
    }
    if (source && (!best || ev.t >= best.t)) best = { t: ev.t, source, callback: ev.type === 'callback' || ev.type === 'task' };
  }
  if (!best) return null;
  const path = tabOf(best.source.file, sources);
  if (path === null) return null;
  const text = best.callback ? sources.find((s) => s.path === path)?.text : undefined;
  const line = text === undefined ? best.source.line : (callbackBodyLine(text, best.source) ?? best.source.line);
  return { path, line, t: best.t };
}

/**
 * The first line of code inside the function given to the call at `at`
 * (`exec(cmd, (err, stdout) => {` → the line after, comments skipped), or
 * null when the call has no function literal within a few lines.
 */
export function callbackBodyLine(text: string, at: SourceLocation): number | null {
  const lines = text.split('\n');
  const from = at.line - 1;
  for (let i = from; i < Math.min(lines.length, from + 4); i++) {
    const rest = i === from ? lines[i].slice(Math.max(0, at.column - 1)) : lines[i];
    const arrow = rest.search(/=>\s*\{|function\s*\w*\s*\([^)]*\)\s*\{/);
    if (arrow === -1) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) {
      const code = lines[j].trim();
      if (code && !code.startsWith('//') && !code.startsWith('*') && !code.startsWith('/*')) return code.startsWith('}') ? null : j + 1;
    }
    return null;
  }
  return null;
}

function stepAnchor(narration: readonly NarrationLine[] | null, sources: readonly DemoSource[]): CodeFocus | null {
  const step = narration ? currentLine(narration) : null;
  if (!step?.code || step.t === null) return null;
  const file = sources.find((s) => s.path === step.code?.file);
  if (!file) return null;
  const line = anchorLine(file.text, step.code.text);
  return line === null ? null : { path: file.path, line, t: step.t };
}

/** The first line (1-based) of `text` containing `needle`. */
export function anchorLine(text: string, needle: string): number | null {
  const at = text.indexOf(needle);
  if (at === -1) return null;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The tab showing `file` (an absolute path from the probe): the longest source path it ends with. */
export function tabOf(file: string, sources: readonly DemoSource[]): string | null {
  const normal = file.replace(/\\/g, '/');
  let found: string | null = null;
  for (const s of sources) {
    const p = s.path.replace(/\\/g, '/');
    if ((normal === p || normal.endsWith('/' + p)) && (found === null || p.length > found.length)) found = s.path;
  }
  if (found !== null) return found;
  const base = normal.split('/').pop();
  return sources.find((s) => s.path.replace(/\\/g, '/').split('/').pop() === base)?.path ?? null;
}
