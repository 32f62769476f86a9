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
  let fold = folds.get(log);
  if (!fold || cursor < fold.cursor) {
    fold = new SourcedFold();
    folds.set(log, fold);
  }
  const best = fold.advance(log, cursor);
  if (!best) return null;
  const path = tabOf(best.source.file, sources);
  if (path === null) return null;
  const text = best.callback ? sources.find((s) => s.path === path)?.text : undefined;
  const line = text === undefined ? best.source.line : (callbackBodyLine(text, best.source) ?? best.source.line);
  return { path, line, t: best.t };
}

interface Sourced {
  t: number;
  /** Its place in the log: of two at the same time, the later one. */
  i: number;
  source: SourceLocation;
  callback: boolean;
}

interface Waiting {
  t: number;
  i: number;
  callback: boolean;
}

const folds = new WeakMap<readonly LabEvent[], SourcedFold>();

/**
 * The latest sourced event at or before a cursor, folded on as a live log grows and its
 * cursor moves forward (a move back starts again): the events of the log in its order,
 * those past the cursor kept aside until the cursor reaches them — never the whole log
 * again on each look, which at a million events was a long task. A child's event is
 * sourced by its call wherever the call is in the log (records of two processes can come
 * out of time order), so the answer is the same however the log was folded.
 */
class SourcedFold {
  cursor = -Infinity;
  private next = 0;
  /** Log indices past the cursor when they were reached, in log order. */
  private later: number[] = [];
  private readonly callSite = new Map<string, SourceLocation>();
  private readonly workerSite = new Map<string, SourceLocation>();
  /** The latest event of a child (or thread) whose call (or start) has not been folded yet. */
  private readonly waitingCall = new Map<string, Waiting>();
  private readonly waitingStart = new Map<string, Waiting>();
  private best: Sourced | null = null;

  advance(log: readonly LabEvent[], cursor: number): Sourced | null {
    this.cursor = cursor;
    if (this.later.length && log[this.later[0]].t <= cursor) {
      const still: number[] = [];
      for (const i of this.later) {
        if (log[i].t <= cursor) this.fold(log[i], i);
        else still.push(i);
      }
      this.later = still;
    }
    for (; this.next < log.length; this.next++) {
      if (log[this.next].t > cursor) this.later.push(this.next);
      else this.fold(log[this.next], this.next);
    }
    return this.best;
  }

  private fold(ev: LabEvent, i: number): void {
    const callback = ev.type === 'callback' || ev.type === 'task';
    if (ev.type === 'call') {
      if (ev.source) {
        this.callSite.set(ev.childId, ev.source);
        this.consider(ev.t, i, ev.source, false);
        this.settle(this.waitingCall, ev.childId, ev.source);
      }
    } else if (ev.type === 'thread') {
      const key = `${ev.pid}:${ev.thread}`;
      if (ev.state === 'start' && ev.source) {
        this.workerSite.set(key, ev.source);
        this.settle(this.waitingStart, key, ev.source);
      }
      this.sourcedBy(this.workerSite, this.waitingStart, key, ev.t, i, false);
    } else if (ev.type === 'error' && ev.source) {
      this.consider(ev.t, i, ev.source, false);
    } else if (ev.type === 'task') {
      if (ev.source) this.consider(ev.t, i, ev.source, true); // a timer's callback: the line that set it, where known
    } else if ('childId' in ev && typeof ev.childId === 'string') {
      this.sourcedBy(this.callSite, this.waitingCall, ev.childId, ev.t, i, callback);
    }
  }

  /** An event sourced by the call (or `new Worker`) under `key`: now if it is known, else once it comes, wherever it is in the log. */
  private sourcedBy(sites: Map<string, SourceLocation>, waiting: Map<string, Waiting>, key: string, t: number, i: number, callback: boolean): void {
    const source = sites.get(key);
    if (source) return this.consider(t, i, source, callback);
    const w = waiting.get(key);
    if (!w || t > w.t || (t === w.t && i > w.i)) waiting.set(key, { t, i, callback });
  }

  private settle(waiting: Map<string, Waiting>, key: string, source: SourceLocation): void {
    const w = waiting.get(key);
    if (!w) return;
    waiting.delete(key);
    this.consider(w.t, w.i, source, w.callback);
  }

  private consider(t: number, i: number, source: SourceLocation, callback: boolean): void {
    const best = this.best;
    if (!best || t > best.t || (t === best.t && i > best.i)) this.best = { t, i, source, callback };
  }
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
