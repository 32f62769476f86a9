/**
 * Author mode's binding: which events a step's `on` matches in a recording,
 * which one reaches the step, and a proposal made from the event the author
 * selected (its type, whose it is, the call behind it, then what tells it
 * apart: its text, its exit code, its error) — the plainest matcher that
 * matches that event alone; failing that, the plainest whose first match it
 * is; else that matcher with `nth`. Pure: the
 * matching is shared/narration.ts's own, so the app tells the step exactly
 * where the check said.
 */
import type { ChildApi, LabEvent } from '../../shared/events';
import { matches, textLines, type EventMatcher, type MatchContext } from '../../shared/narration';

export interface Binding {
  on: EventMatcher;
  /** Present when the event is not the matcher's first match. */
  nth?: number;
}

export interface BindingCheck {
  /** Indices in the log of every event the matcher accepts, in log order. */
  matched: number[];
  /** The event that reaches the step (the nth match), or null when too few match. */
  reached: number | null;
}

/** What `on` (with `nth`) matches in `log`, and which event reaches the step. */
export function checkBinding(binding: Binding, log: readonly LabEvent[]): BindingCheck {
  const ctx = contextOf(log);
  const matched: number[] = [];
  log.forEach((ev, i) => {
    if (matches(binding.on, ev, ctx)) matched.push(i);
  });
  return { matched, reached: matched[(binding.nth ?? 1) - 1] ?? null };
}

/** A binding for the event at `index`: the plainest matcher that reaches the step there. */
export function proposeBinding(log: readonly LabEvent[], index: number): Binding {
  const ev = log[index];
  const ctx = contextOf(log);
  const on: EventMatcher = { type: ev.type };
  if (ev.pid !== null && ctx.boss !== null) on.proc = ev.pid === ctx.boss ? 'boss' : 'child';
  const api = ev.type === 'call' || ev.type === 'callback' ? ev.api : 'childId' in ev && ev.childId ? ctx.apiOf.get(ev.childId) : undefined;
  if (api) on.api = api;
  const candidates: EventMatcher[] = [{ ...on }];
  for (const refine of refinements(ev)) candidates.push({ ...candidates[candidates.length - 1], ...refine });
  const checked = candidates.map((m) => ({ on: m, ...checkBinding({ on: m }, log) }));
  const alone = checked.find((c) => c.matched.length === 1 && c.reached === index);
  if (alone) return { on: alone.on };
  const first = checked.find((c) => c.reached === index);
  if (first) return { on: first.on };
  const last = checked[checked.length - 1];
  return { on: last.on, nth: last.matched.indexOf(index) + 1 };
}

/** What may tell an event apart, in the order a reader would name it. */
function refinements(ev: LabEvent): Partial<EventMatcher>[] {
  const out: Partial<EventMatcher>[] = [];
  // The first line a `text` regex is tried on that says something.
  const line = textLines(ev).find((l) => l.trim() !== '');
  // The line's start, and its end when the whole line fits (a preview may be cut).
  if (line) out.push({ text: `^${escapeRegex(line.slice(0, 40))}${line.length <= 40 ? '$' : ''}` });
  switch (ev.type) {
    case 'exit':
    case 'close':
      out.push({ where: { code: ev.code, signal: ev.signal } });
      break;
    case 'error':
      out.push({ where: { code: ev.code } });
      break;
    case 'callback':
      out.push({ where: { 'error.code': ev.error?.code ?? null } });
      break;
    case 'os-process':
      out.push({ where: { command: ev.command, state: ev.state } });
      break;
    case 'thread':
      out.push({ where: { state: ev.state } });
      break;
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function contextOf(log: readonly LabEvent[]): MatchContext {
  const start = log.find((e) => e.type === 'run-start');
  const apiOf = new Map<string, ChildApi>();
  for (const e of log) if (e.type === 'call') apiOf.set(e.childId, e.api);
  return { boss: start ? start.pid : null, apiOf };
}
