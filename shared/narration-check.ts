/**
 * The check of a lesson's narration.json: every step, every field, before
 * anything is told. A problem throws a LessonError naming the file, the step
 * and the field (`my-lesson/narration.json, step 3, "on.type": "stdot" is not
 * an event type …`). Built-in demos and a teacher's own lessons pass the same
 * check (docs/LESSONS.md describes the format).
 */
import type { DemoSource, Localized } from './api';
import { CHILD_APIS, EVENT_TYPES } from './event-check';
import { LessonError } from './lesson-error';
import type { Condition, EventMatcher, NarrationStep } from './narration';

/** Every event type and API (shared/event-check.ts), so a step naming one that does not exist is caught. */
const TYPES: readonly string[] = EVENT_TYPES;
const APIS: readonly string[] = CHILD_APIS;

const STEP_KEYS = ['on', 'nth', 'after', 'platform', 'tally', 'code', 'text', 'question'];
const MATCHER_KEYS = ['type', 'proc', 'api', 'where', 'text', 'child'];
const CONDITION_KEYS = ['gte', 'gt', 'lte', 'lt', 'ne', 'exists', 'match'];
const QUESTION_KEYS = ['text', 'choices', 'answer'];
/** The units a placeholder may take (shared/narration.ts `fill`). */
const UNITS = ['ms', 's', '%', 'raw', 'n', 'line', 'base', 'list'];
const PLACEHOLDER = /\{([^{}]*)\}/g;
const MAX_CHOICES = 6;

export interface NarrationContext {
  /** The lesson's files: a step's `code` must point at one of them, at text it holds. */
  sources?: readonly DemoSource[];
}

/** Check narration.json's content (already parsed from JSON); `file` names it in errors. */
export function parseNarration(data: unknown, file = 'narration.json', context: NarrationContext = {}): NarrationStep[] {
  if (!Array.isArray(data)) throw new LessonError({ file }, 'must be an array of steps ([{ "on": …, "text": … }, …])');
  return data.map((raw, i) => checkStep(raw, i + 1, file, context));
}

function checkStep(raw: unknown, n: number, file: string, context: NarrationContext): NarrationStep {
  const fail = (field: string | undefined, problem: string): never => {
    throw new LessonError({ file, step: n, ...(field !== undefined ? { field } : {}) }, problem);
  };
  if (!isObject(raw)) return fail(undefined, 'a step must be an object with "on" and "text"');
  unknownKeys(raw, STEP_KEYS, '', fail);
  if (raw.on === undefined) fail('on', 'missing: which event reaches this step ({ "type": "exit", … })');
  checkMatcher(raw.on, 'on', n, fail);
  if (raw.nth !== undefined && raw.nth !== 'last' && !(Number.isInteger(raw.nth) && (raw.nth as number) >= 1)) fail('nth', 'must be a whole number from 1, or "last"');
  if (raw.after !== undefined && !(Number.isInteger(raw.after) && (raw.after as number) >= 1 && (raw.after as number) < n)) fail('after', `must name an earlier step (1 to ${n - 1})`);
  if (raw.platform !== undefined && !(typeof raw.platform === 'string' && /^!?[a-z0-9]+$/.test(raw.platform))) fail('platform', 'must be a platform name such as "linux" or "!win32"');
  if (raw.tally !== undefined) checkMatcher(raw.tally, 'tally', n, fail);
  if (raw.code !== undefined) checkCode(raw.code, context, fail);
  const text = checkLocalized(raw.text, 'text', fail);
  const used = (lang: keyof Localized): string[] => placeholdersOf(text[lang], `text.${lang}`, fail);
  const es = used('es').sort().join(' ');
  const en = used('en').sort().join(' ');
  if (es !== en) fail('text.en', `fills other placeholders than text.es (es: ${es || 'none'}; en: ${en || 'none'})`);
  if (raw.question !== undefined) checkQuestion(raw.question, fail);
  return raw as unknown as NarrationStep;
}

type Fail = (field: string | undefined, problem: string) => never;

function checkMatcher(value: unknown, at: string, n: number, fail: Fail): EventMatcher {
  if (!isObject(value)) return fail(at, 'must be an object such as { "type": "exit" }');
  unknownKeys(value, MATCHER_KEYS, `${at}.`, fail);
  const types = Array.isArray(value.type) ? value.type : [value.type];
  if (value.type === undefined || types.length === 0) fail(`${at}.type`, `missing: one event type or a list (${TYPES.join(', ')})`);
  for (const type of types) if (!TYPES.includes(type as string)) fail(`${at}.type`, `${JSON.stringify(type)} is not an event type (${TYPES.join(', ')})`);
  if (value.proc !== undefined && value.proc !== 'boss' && value.proc !== 'child') fail(`${at}.proc`, 'must be "boss" or "child"');
  if (value.api !== undefined) {
    const apis = Array.isArray(value.api) ? value.api : [value.api];
    for (const api of apis) if (!APIS.includes(api as string)) fail(`${at}.api`, `${JSON.stringify(api)} is not a child_process function (${APIS.join(', ')})`);
  }
  if (value.where !== undefined) {
    if (!isObject(value.where)) fail(`${at}.where`, 'must be an object of field conditions ({ "code": 0 })');
    for (const [path, cond] of Object.entries(value.where as Record<string, unknown>)) checkCondition(cond, `${at}.where.${path}`, fail);
  }
  if (value.text !== undefined) checkRegex(value.text, `${at}.text`, fail);
  if (value.child !== undefined && !(Number.isInteger(value.child) && (value.child as number) >= 1 && (value.child as number) < n)) {
    fail(`${at}.child`, `must name an earlier step (1 to ${n - 1}) whose event's child this one follows`);
  }
  return value as unknown as EventMatcher;
}

function checkCondition(cond: unknown, at: string, fail: Fail): Condition {
  if (isScalar(cond)) return cond;
  if (Array.isArray(cond)) {
    if (!cond.every(isScalar)) fail(at, 'a list of values holds strings, numbers, booleans or null');
    return cond as Condition;
  }
  if (!isObject(cond)) return fail(at, 'must be a value, a list of values or { gte, gt, lte, lt, ne, exists, match }');
  unknownKeys(cond, CONDITION_KEYS, `${at}.`, fail);
  for (const key of ['gte', 'gt', 'lte', 'lt']) if (cond[key] !== undefined && typeof cond[key] !== 'number') fail(`${at}.${key}`, 'must be a number');
  if (cond.ne !== undefined && !isScalar(cond.ne)) fail(`${at}.ne`, 'must be a string, number, boolean or null');
  if (cond.exists !== undefined && typeof cond.exists !== 'boolean') fail(`${at}.exists`, 'must be true or false');
  if (cond.match !== undefined) checkRegex(cond.match, `${at}.match`, fail);
  return cond as Condition;
}

function checkRegex(value: unknown, at: string, fail: Fail): void {
  if (typeof value !== 'string') fail(at, 'must be a regular expression, as a string');
  try {
    new RegExp(value as string);
  } catch (error) {
    fail(at, `is not a regular expression: ${(error as Error).message}`);
  }
}

function checkCode(value: unknown, context: NarrationContext, fail: Fail): void {
  if (!isObject(value)) return fail('code', 'must be { "file": …, "text": … }');
  unknownKeys(value, ['file', 'text'], 'code.', fail);
  if (typeof value.file !== 'string' || value.file === '') fail('code.file', "must name one of the lesson's files");
  if (typeof value.text !== 'string' || value.text === '') fail('code.text', 'must be text of that file (the first line holding it is marked)');
  if (!context.sources) return;
  const source = context.sources.find((s) => s.path === value.file);
  if (!source) fail('code.file', `${JSON.stringify(value.file)} is not one of the lesson's files (${context.sources.map((s) => s.path).join(', ')})`);
  else if (!source.text.includes(value.text as string)) fail('code.text', `${JSON.stringify(value.text)} is not in ${source.path}`);
}

function checkQuestion(value: unknown, fail: Fail): void {
  if (!isObject(value)) return fail('question', 'must be { "text": {es, en}, "choices": [{es, en}, …], "answer": n }');
  unknownKeys(value, QUESTION_KEYS, 'question.', fail);
  const asked = checkLocalized(value.text, 'question.text', fail);
  // Asked before the event happens: nothing of the run is known yet to fill in.
  for (const lang of ['es', 'en'] as const) if (placeholdersOf(asked[lang], `question.text.${lang}`, fail).length) fail(`question.text.${lang}`, 'is asked before its event: it can fill no placeholder');
  const { choices, answer } = value;
  if (!Array.isArray(choices) || choices.length < 2 || choices.length > MAX_CHOICES) return fail('question.choices', `must list 2 to ${MAX_CHOICES} choices, each {es, en}`);
  choices.forEach((choice, i) => {
    const text = checkLocalized(choice, `question.choices.${i + 1}`, fail);
    for (const lang of ['es', 'en'] as const) if (placeholdersOf(text[lang], `question.choices.${i + 1}.${lang}`, fail).length) fail(`question.choices.${i + 1}.${lang}`, 'is shown before its event: it can fill no placeholder');
  });
  if (!(Number.isInteger(answer) && (answer as number) >= 1 && (answer as number) <= choices.length)) fail('question.answer', `must be the number of the right choice, 1 to ${choices.length}`);
}

function checkLocalized(value: unknown, at: string, fail: Fail): Localized {
  if (!isObject(value)) return fail(at, 'must be { "es": "…", "en": "…" }');
  unknownKeys(value, ['es', 'en'], `${at}.`, fail);
  for (const lang of ['es', 'en']) {
    if (typeof value[lang] !== 'string' || (value[lang] as string).trim() === '') fail(`${at}.${lang}`, `missing: the ${lang === 'es' ? 'Spanish' : 'English'} text`);
  }
  return value as unknown as Localized;
}

/** The placeholders a text fills (`{bytes}`, `{t|ms}`), each checked for its form and unit. */
function placeholdersOf(text: string, at: string, fail: Fail): string[] {
  const found: string[] = [];
  for (const [whole, inner] of text.matchAll(PLACEHOLDER)) {
    const m = /^([\w.]+)(?:\|([\w%]+))?$/.exec(inner);
    if (!m) fail(at, `${whole} is not a placeholder: {name} or {name|unit}`);
    else if (m[2] !== undefined && !UNITS.includes(m[2])) fail(at, `${whole}: "${m[2]}" is not a unit (${UNITS.join(', ')})`);
    found.push(whole);
  }
  return found;
}

function unknownKeys(obj: Record<string, unknown>, known: readonly string[], prefix: string, fail: Fail): void {
  const extra = Object.keys(obj).find((k) => !known.includes(k));
  if (extra !== undefined) fail(`${prefix}${extra}`, `is not a field here (${known.join(', ')})`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
