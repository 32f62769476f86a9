/**
 * Narration: the numbered steps a lesson tells, each bound to an event of the
 * log, with the real numbers of this run filled in. Pure: the same steps, log,
 * cursor and language always give the same lines (renderer, CLI and tests).
 *
 * A lesson's steps live in its `narration.json` (NarrationStep[], checked by
 * shared/narration-check.ts; the format is docs/LESSONS.md).
 * A step is reached by the nth event (in log order, `t` ≤ cursor) that its
 * matcher accepts; its text is a template: `{bytes}`, `{error.code}`, `{t|s}`,
 * a named group of the matcher's `text` regex, `{tally.bytes}`… never a number
 * written into the text. Numbers come out in the reader's locale
 * (es 4.096 · en 4,096).
 */
import type { ChildApi, LabEvent, LabEventType } from './events';
import type { Lang, Localized } from './api';
import { formatNumber } from './number-format';
import { sampledStarts } from './sampled-start';

type Scalar = string | number | boolean | null;
export type Condition =
  | Scalar
  | Scalar[]
  | { gte?: number; gt?: number; lte?: number; lt?: number; ne?: Scalar; exists?: boolean; match?: string };

export interface EventMatcher {
  type: LabEventType | LabEventType[];
  /** Whose event: the boss's own (`pid` = the boss) or any other process's. */
  proc?: 'boss' | 'child';
  /** The child_process API behind the event (its own for a call, its call's for a childId). */
  api?: ChildApi | ChildApi[];
  /** Conditions on fields, by dot path (`error.code`, `interval`). */
  where?: Record<string, Condition>;
  /** A regex tried on each line of the event's text (preview, command, message); named groups become placeholders. */
  text?: string;
  /** Only events of the same child as step k's event (same childId). */
  child?: number;
}

export interface NarrationStep {
  on: EventMatcher;
  /** Take the nth matching event (1-based, default 1); 'last': reached by the first, shows the newest up to the cursor. */
  nth?: number | 'last';
  /** Only events after the event of step k (1-based position in the steps array) count. */
  after?: number;
  /** Only on this platform ('linux', 'win32'…), or not on it ('!win32'). */
  platform?: string;
  /** Events summed into {tally.count} (chunks or messages, coalesced ones counted) and {tally.bytes}: those matching this, up to the step's event. */
  tally?: EventMatcher;
  /** The code the step talks about: the first line of `file` containing `text`. */
  code?: { file: string; text: string };
  text: Localized;
  /** Predict, then see: asked before the step's event happens; `text` then tells what did. */
  question?: NarrationQuestion;
}

export interface NarrationQuestion {
  text: Localized;
  choices: Localized[];
  /** The right choice, 1-based. */
  answer: number;
}

export interface NarrationLine {
  /** 1-based, counting only the steps that apply to this run's platform. */
  n: number;
  text: string;
  /** When the step was reached (µs since the run started), null if not yet. */
  t: number | null;
  reached: boolean;
  code?: { file: string; text: string };
  /** Placeholders a reached step could not fill (a narration bug, or an event without that field). */
  missing?: string[];
  /** The step's question, in the reader's language (answer: the right choice, 1-based). */
  question?: { text: string; choices: string[]; answer: number };
}

interface StepState {
  step: NarrationStep;
  index: number;
  seen: number;
  event: LabEvent | null;
  groups: Record<string, string>;
  /** A following step's every match so far, its groups and its event ({each.name}: a group, else a field). */
  history: { groups: Record<string, string>; event: LabEvent }[];
  tally: { count: number; bytes: number };
}

/** The lines of a lesson at `cursor` (µs since the run started), in `lang`. */
export function narrate(steps: readonly NarrationStep[], log: readonly LabEvent[], cursor: number, lang: Lang): NarrationLine[] {
  const start = log.find((e) => e.type === 'run-start');
  const platform = start && start.type === 'run-start' ? start.platform : undefined;
  const boss = start ? start.pid : null;
  const states: StepState[] = steps.map((step, index) => ({ step, index, seen: 0, event: null, groups: {}, history: [], tally: { count: 0, bytes: 0 } }));
  const apiOf = new Map<string, ChildApi>();
  // A process found by OS sampling is told when it began, not when the sample found it.
  const sampled = sampledStarts(log);
  const timeOf = (ev: LabEvent): number => sampled.get(ev) ?? ev.t;

  for (const ev of log) {
    if (timeOf(ev) > cursor) continue;
    if (ev.type === 'call') apiOf.set(ev.childId, ev.api);
    const ctx: MatchContext = { boss, apiOf, childOfStep: (k) => childIdOf(states[k - 1]?.event ?? null) };
    for (const st of states) {
      const following = st.step.nth === 'last';
      if (st.event && !following) continue;
      const after = st.step.after ? states[st.step.after - 1] : undefined;
      if (after && (!after.event || after.event === ev)) continue;
      if (st.step.tally && matches(st.step.tally, ev, ctx)) addToTally(st, ev);
      const groups = matches(st.step.on, ev, ctx);
      if (!groups) continue;
      st.seen += 1;
      if (following) st.history.push({ groups, event: ev });
      if (following || st.seen === (st.step.nth ?? 1)) {
        st.event = ev;
        st.groups = groups;
      }
    }
  }

  const lines: NarrationLine[] = [];
  for (const st of states) {
    if (!onPlatform(st.step.platform, platform)) continue;
    const values = st.event ? placeholders(st, states) : null;
    const missing: string[] = [];
    lines.push({
      n: lines.length + 1,
      text: fill(st.step.text[lang], values, lang, missing),
      t: st.event ? timeOf(st.event) : null,
      reached: st.event !== null,
      ...(st.step.code ? { code: st.step.code } : {}),
      ...(missing.length ? { missing } : {}),
      ...(st.step.question ? { question: askedIn(st.step.question, lang) } : {}),
    });
  }
  return lines;
}

function askedIn(q: NarrationQuestion, lang: Lang): NonNullable<NarrationLine['question']> {
  return { text: q.text[lang], choices: q.choices.map((c) => c[lang]), answer: q.answer };
}

/** The step being told at the cursor: the reached line with the latest `t` (ties: the later step). */
export function currentLine(lines: readonly NarrationLine[]): NarrationLine | null {
  let best: NarrationLine | null = null;
  for (const line of lines) if (line.reached && (best === null || (line.t ?? 0) >= (best.t ?? 0))) best = line;
  return best;
}

function onPlatform(wanted: string | undefined, actual: string | undefined): boolean {
  if (!wanted || actual === undefined) return true;
  return wanted.startsWith('!') ? actual !== wanted.slice(1) : actual === wanted;
}

function addToTally(st: StepState, ev: LabEvent): void {
  if ('bytes' in ev && typeof ev.bytes === 'number') st.tally.bytes += ev.bytes;
  st.tally.count += 'count' in ev && typeof ev.count === 'number' ? ev.count : 1;
}

function childIdOf(ev: LabEvent | null): string | undefined {
  return ev && 'childId' in ev && typeof ev.childId === 'string' ? ev.childId : undefined;
}

export interface MatchContext {
  boss: number | null;
  apiOf: Map<string, ChildApi>;
  /** The childId of step k's event, if it has been reached. */
  childOfStep?: (k: number) => string | undefined;
}

/** The regex groups when `ev` matches (an empty object if there is no regex), else null. */
export function matches(m: EventMatcher, ev: LabEvent, ctx: MatchContext): Record<string, string> | null {
  if (!oneOf(m.type, ev.type)) return null;
  if (m.proc === 'boss' && ev.pid !== ctx.boss) return null;
  if (m.proc === 'child' && (ev.pid === null || ev.pid === ctx.boss)) return null;
  if (m.api !== undefined) {
    const api = ev.type === 'call' || ev.type === 'callback' ? ev.api : 'childId' in ev && ev.childId ? ctx.apiOf.get(ev.childId) : undefined;
    if (api === undefined || !oneOf(m.api, api)) return null;
  }
  if (m.child !== undefined) {
    const id = ctx.childOfStep?.(m.child);
    if (id === undefined || childIdOf(ev) !== id) return null;
  }
  for (const [path, cond] of Object.entries(m.where ?? {})) {
    if (!satisfies(fieldOf(ev, path), cond)) return null;
  }
  if (m.text === undefined) return {};
  const re = new RegExp(m.text);
  for (const line of textLines(ev)) {
    const found = re.exec(line);
    if (found) return { ...(found.groups ?? {}) };
  }
  return null;
}

function oneOf<T>(wanted: T | T[], actual: T): boolean {
  return Array.isArray(wanted) ? wanted.includes(actual) : wanted === actual;
}

/** The text a `text` regex is tried on, line by line (previews escape newlines as `\n`). */
export function textLines(ev: LabEvent): string[] {
  switch (ev.type) {
    case 'stdout':
    case 'stderr':
    case 'message':
      return ev.preview.split(/\\n|\n/);
    case 'call':
      return [[ev.command, ...ev.args].join(' ')];
    case 'os-process':
      return [ev.argv.length ? ev.argv.join(' ') : ev.command];
    case 'error':
      return [ev.message];
    case 'callback':
      return ev.error ? [ev.error.message] : [];
    case 'task':
      return ev.label ? [ev.label] : [];
    case 'kill':
      return [`process.kill(${ev.target}, ${ev.signal})`];
    default:
      return [];
  }
}

/** A field of the event, or one a step may name that the log does not hold: a callback's `late` (µs from due to start) and `end`. */
function fieldOf(ev: LabEvent, path: string): unknown {
  if (ev.type === 'task' && path === 'late') return ev.due === undefined ? undefined : ev.t - ev.due;
  if (ev.type === 'task' && path === 'end') return ev.t + ev.dur;
  return valueAt(ev, path);
}

function valueAt(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function satisfies(v: unknown, cond: Condition): boolean {
  if (cond === null || typeof cond !== 'object') return v === cond;
  if (Array.isArray(cond)) return cond.some((c) => c === v);
  if (cond.exists !== undefined && (v !== undefined && v !== null) !== cond.exists) return false;
  if ('ne' in cond && v === cond.ne) return false;
  if (cond.match !== undefined && !(typeof v === 'string' && new RegExp(cond.match).test(v))) return false;
  const num = typeof v === 'number' ? v : NaN;
  if (cond.gte !== undefined && !(num >= cond.gte)) return false;
  if (cond.gt !== undefined && !(num > cond.gt)) return false;
  if (cond.lte !== undefined && !(num <= cond.lte)) return false;
  if (cond.lt !== undefined && !(num < cond.lt)) return false;
  return true;
}

type Lookup = (name: string) => unknown;

/** Text a regex captured from the program's output: its numbers are shown in the reader's locale. */
class Captured {
  constructor(readonly text: string) {}
}

function placeholders(st: StepState, states: readonly StepState[]): Lookup {
  const ev = st.event as LabEvent;
  return (name) => {
    if (name in st.groups) return new Captured(st.groups[name]);
    // A following step's group in every match so far, as a list: results 1, 2 and 3, not just the last.
    if (name.startsWith('each.')) {
      const field = name.slice(5);
      return new Captured(st.history.map((h) => h.groups[field] ?? String(valueAt(h.event, field) ?? '?')).join(','));
    }
    if (name === 'count') return st.seen;
    if (name.startsWith('tally.')) return st.tally[name.slice(6) as keyof StepState['tally']];
    if (name.startsWith('since.')) {
      const other = states[Number(name.slice(6)) - 1]?.event;
      return other ? ev.t - other.t : undefined;
    }
    return fieldOf(ev, name);
  };
}

const RAW_FIELDS = new Set(['pid', 'ppid', 'from', 'to', 'target', 'line', 'column', 'seq', 'childId']);

/**
 * Fill `{name}` / `{name|unit}` placeholders; before the step is reached, each shows as '…'.
 * Units: ms, s (from µs), % (from 0–1), raw (no locale), n (a numeric string as a number),
 * line (the first line of a preview, LF or CR LF), base (the last part of a path), list (a captured
 * "1.5,2,3" as "1,5 · 2 · 3": commas would be ambiguous in Spanish).
 */
export function fill(template: string, values: Lookup | null, lang: Lang, missing: string[] = []): string {
  return template.replace(/\{([\w.]+)(?:\|([\w%]+))?\}/g, (_, name: string, unit: string | undefined) => {
    if (!values) return '…';
    const v = values(name);
    if (v === null) return 'null';
    if (v === undefined) {
      missing.push(name);
      return '…';
    }
    const raw = unit === 'raw' || RAW_FIELDS.has(name.split('.').pop() as string);
    if (typeof v === 'number') return raw ? String(v) : formatValue(convert(v, unit), lang, unit);
    if (v instanceof Captured && unit === 'list') return v.text.split(/[,;\s]+/).filter(Boolean).map((x) => (raw ? x : localizeNumbersIn(x, lang))).join(' · ');
    if (v instanceof Captured) return unit === 'raw' ? v.text : localizeNumbersIn(v.text, lang);
    const text = Array.isArray(v) ? v.join(' ') : String(v);
    if (unit === 'n' && text.trim() !== '' && Number.isFinite(Number(text))) return formatValue(Number(text), lang);
    // A Windows program ends its lines with CR LF: the line stops before both.
    if (unit === 'line') return text.split(/\\r\\n|\\n|\r?\n/)[0];
    if (unit === 'base') return text.split(/[\\/]/).pop() as string;
    return text;
  });
}

/** µs → ms or s; 0–1 → percent. */
function convert(v: number, unit: string | undefined): number {
  if (unit === 'ms') return v / 1000;
  if (unit === 's') return v / 1e6;
  if (unit === '%') return v * 100;
  return v;
}

/** A figure the narration quotes, with as many decimals as it deserves (by its size, or its unit). */
export function formatValue(v: number, lang: Lang, unit?: string): string {
  let digits = Number.isInteger(v) ? 0 : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  if (unit === '%') digits = Math.abs(v) < 10 ? 1 : 0;
  // Seconds keep two decimals, so a column of times lines up (1,50 s).
  if (unit === 's') return formatNumber(v, lang, 2);
  return formatNumber(v, lang, digits, 0);
}

/** Numbers inside a captured string ("1302.1 1003.8") in the reader's locale, decimals kept. */
export function localizeNumbersIn(text: string, lang: Lang): string {
  return text.replace(/\d+(?:\.\d+)?/g, (n) => {
    const decimals = n.includes('.') ? n.length - n.indexOf('.') - 1 : 0;
    return formatNumber(Number(n), lang, decimals);
  });
}
