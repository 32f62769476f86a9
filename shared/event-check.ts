/**
 * What a LabEvent must look like, field by field: the one check for every
 * place an event comes from outside the code that made it — a record on the
 * report channel (electron/lab/record-gate.ts) and a line of a recording
 * (shared/recording.ts, read by the renderer, the CLI's tests and the tests).
 *
 * Two sources, one set of checks. A log (a recording) holds everything the lab
 * wrote; the report channel may carry only what a process of the run may say:
 * never the lab's own events (run-start, run-end, os-process, `where: 'lab'`)
 * and never the boss's output or exit (childId 'boss': the lab reads those
 * itself), and its over-long previews are cut.
 *
 * Pure: no Node or DOM imports.
 */
import { BOSS_CHILD_ID, TASK_KINDS, type ChildApi, type LabEvent, type LabEventType } from './events';

/** Where an event comes from: a process's record on the report channel, or a saved log. */
export type EventSource = 'channel' | 'log';

/** The event, or the field that is wrong and why. */
export type EventCheck = { event: LabEvent } | { refused: string; field: string };

/** Types only the lab writes: a record on the report channel is never one. */
const LAB_ONLY: ReadonlySet<string> = new Set<LabEventType>(['run-start', 'run-end', 'os-process']);

type Rec = Record<string, unknown>;
/** A problem: the field, and what it must be. */
type Problem = [field: string, why: string];
type Check = (r: Rec, source: EventSource) => Problem | null;

/** Every child_process API Obra observes (the compiler keeps this list whole). */
export const CHILD_APIS = Object.keys({
  exec: 1, execFile: 1, spawn: 1, fork: 1, execSync: 1, execFileSync: 1, spawnSync: 1,
} satisfies Record<ChildApi, 1>) as ChildApi[];
const API: ReadonlySet<string> = new Set(CHILD_APIS);
const WHERE = new Set(['child', 'sync', 'uncaught', 'probe', 'lab']);
const END_REASONS = new Set(['exit', 'stopped', 'timeout', 'error']);
/** A call's id: the calling process's pid, then its call number (in a worker thread, with the thread's id). */
const CHILD_ID = /^(\d+):(?:t\d+\.)?\d+$/;
const THREAD_STATES = new Set(['start', 'online', 'exit']);
const TASK_KIND_SET: ReadonlySet<string> = new Set(TASK_KINDS);
/** The longest task label the probe writes (an HTTP request's method and URL, cut). */
export const MAX_TASK_LABEL_CHARS = 200;

const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
const count = (v: unknown) => int(v) && (v as number) >= 0;
const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown) => typeof v === 'string';
const strs = (v: unknown) => Array.isArray(v) && v.every(str);
const strOrNull = (v: unknown) => v === null || typeof v === 'string';
const optional = (v: unknown, test: (v: unknown) => boolean) => v === undefined || test(v);
const location = (v: unknown) => v === null || (typeof v === 'object' && str((v as Rec).file));
const need = (ok: boolean, field: string, why: string): Problem | null => (ok ? null : [field, why]);

/** A call's id as an event of a log may carry it: `<pid>:<n>`, or the boss's. */
export const isLogChildId = (id: string): boolean => id === BOSS_CHILD_ID || CHILD_ID.test(id);

/** A task kind this build knows. */
export const isTaskKind = (kind: string): boolean => TASK_KIND_SET.has(kind);

/** The pid in a child's id: the process that made the call, and reports on its child. */
export function callerOf(id: string): number {
  return Number(CHILD_ID.exec(id)?.[1]);
}

/** A call's id; in a log also the boss's ('boss', which the lab reports) where `bossToo`. */
function childId(r: Rec, source: EventSource, bossToo = false): Problem | null {
  if (bossToo && source === 'log' && r.childId === BOSS_CHILD_ID) return null;
  return need(str(r.childId) && CHILD_ID.test(r.childId as string), 'childId', "must be <pid>:<n> (the boss is the lab's to report)");
}

const callerIs = (r: Rec, pid: unknown): Problem | null =>
  need(callerOf(r.childId as string) === pid, 'childId', `childId ${String(r.childId).slice(0, 40)} is not a call of process ${String(pid)}`);

const exitCheck: Check = (r, source) =>
  childId(r, source, true) ?? need(r.code === null || int(r.code), 'code', 'must be an integer or null') ?? need(strOrNull(r.signal), 'signal', 'must be a string or null');

const outputCheck: Check = (r, source) =>
  childId(r, source, true) ??
  need(count(r.bytes), 'bytes', 'must be a count') ??
  need(str(r.preview), 'preview', 'must be a string') ??
  need(optional(r.count, count), 'count', 'must be a count');

/** Checks per event type, after `type`, `t`, `pid` and `threadId`. */
const CHECKS: Record<LabEventType, Check> = {
  'run-start': (r) =>
    need(str(r.runId), 'runId', 'must be a string') ??
    need(str(r.script), 'script', 'must be a string') ??
    need(strs(r.argv), 'argv', 'must be strings') ??
    need(str(r.cwd) && str(r.node) && str(r.platform), 'cwd', 'cwd, node and platform must be strings') ??
    need(count(r.cpus), 'cpus', 'must be a count') ??
    need(num(r.sampleIntervalMs), 'sampleIntervalMs', 'must be a number') ??
    need(optional(r.demoId, str), 'demoId', 'must be a string'),
  'run-end': (r) =>
    need(END_REASONS.has(r.reason as string), 'reason', 'must be exit, stopped, timeout or error') ??
    need(r.code === null || int(r.code), 'code', 'must be an integer or null') ??
    need(strOrNull(r.signal), 'signal', 'must be a string or null') ??
    need(optional(r.errorCode, str) && optional(r.message, str), 'errorCode', 'errorCode and message must be strings'),
  call: (r, source) =>
    childId(r, source) ??
    callerIs(r, r.pid) ??
    need(API.has(r.api as string), 'api', 'is not a child_process API') ??
    need(str(r.command), 'command', 'must be a string') ??
    need(strs(r.args), 'args', 'must be strings') ??
    need(typeof r.options === 'object' && r.options !== null, 'options', 'must be an object') ??
    need(location(r.source), 'source', 'must be null or a location'),
  spawn: (r, source) =>
    childId(r, source) ??
    need(int(r.ppid), 'ppid', 'must be an integer') ??
    need(optional(r.file, str), 'file', 'must be a string') ??
    need(optional(r.argv, strs), 'argv', 'must be strings') ??
    callerIs(r, r.ppid),
  exit: exitCheck,
  close: exitCheck,
  disconnect: (r, source) => childId(r, source),
  stdout: outputCheck,
  stderr: outputCheck,
  message: (r) =>
    need(r.dir === 'send' || r.dir === 'recv', 'dir', 'must be send or recv') ??
    need(int(r.from) && int(r.to), 'from', 'from and to must be pids') ??
    need(int(r.seq), 'seq', 'must be an integer') ??
    need(count(r.bytes), 'bytes', 'must be a count') ??
    need(str(r.preview), 'preview', 'must be a string') ??
    need(optional(r.count, count) && optional(r.firstSeq, int) && optional(r.lastSeq, int), 'count', 'count/firstSeq/lastSeq must be integers') ??
    need(optional(r.fromThread, count) && optional(r.toThread, count), 'fromThread', 'fromThread/toThread must be threadIds'),
  thread: (r) =>
    need(THREAD_STATES.has(r.state as string), 'state', 'must be start, online or exit') ??
    need(int(r.thread) && (r.thread as number) >= 1, 'thread', 'must be a threadId (≥ 1)') ??
    need(optional(r.file, str), 'file', 'must be a string') ??
    need(optional(r.code, int), 'code', 'must be an integer'),
  callback: (r, source) =>
    childId(r, source) ??
    callerIs(r, r.pid) ??
    need(API.has(r.api as string), 'api', 'is not a child_process API') ??
    need(r.error === null || (typeof r.error === 'object' && str((r.error as Rec).message)), 'error', 'must be null or { message, … }') ??
    need(count(r.stdoutBytes) && count(r.stderrBytes), 'stdoutBytes', 'stdoutBytes/stderrBytes must be counts'),
  error: (r, source) =>
    need(source === 'log' || r.where !== 'lab', 'where', "only the lab speaks for the lab (where: 'lab')") ??
    need(WHERE.has(r.where as string), 'where', 'must be child, sync, uncaught, probe or lab') ??
    need(optional(r.childId, (v) => str(v) && CHILD_ID.test(v as string)), 'childId', 'must be <pid>:<n>') ??
    need(str(r.name) && str(r.message), 'message', 'name and message must be strings') ??
    need(strOrNull(r.code), 'code', 'must be a string or null'),
  kill: (r) =>
    need(int(r.target), 'target', 'must be an integer') ??
    need(str(r.signal), 'signal', 'must be a string') ??
    need(strOrNull(r.code), 'code', 'must be a string or null') ??
    need(location(r.source), 'source', 'must be null or a location'),
  'os-process': (r) =>
    need(int(r.ppid), 'ppid', 'must be an integer') ??
    need(str(r.command), 'command', 'must be a string') ??
    need(strs(r.argv), 'argv', 'must be strings') ??
    need(r.state === 'seen' || r.state === 'gone', 'state', 'must be seen or gone'),
  task: (r) =>
    need(TASK_KIND_SET.has(r.kind as string), 'kind', `must be one of ${TASK_KINDS.join(', ')}`) ??
    need(count(r.dur), 'dur', 'must be a count of µs') ??
    need(optional(r.due, num), 'due', 'must be a number (µs)') ??
    need(optional(r.label, (v) => str(v) && (v as string).length <= MAX_TASK_LABEL_CHARS), 'label', `must be a string of at most ${MAX_TASK_LABEL_CHARS} characters`) ??
    need(r.source === undefined || location(r.source), 'source', 'must be null or a location') ??
    need(optional(r.count, (v) => count(v) && (v as number) >= 1), 'count', 'must be ≥ 1') ??
    need(optional(r.span, count), 'span', 'must be a count of µs'),
  sample: (r) => {
    const bad = ['cpu', 'rss', 'elu', 'interval'].find((k) => !optional(r[k], num));
    return bad ? [bad, 'cpu/rss/elu/interval must be numbers'] : null;
  },
};

/** Every event type this build knows (CHECKS has one check for each: the compiler keeps it whole). */
export const EVENT_TYPES = Object.keys(CHECKS) as LabEventType[];
const KNOWN: ReadonlySet<string> = new Set(EVENT_TYPES);

/** What a refusal says: the type and the field it names. */
function refuse(type: string, [field, why]: Problem): { refused: string; field: string } {
  // "must be…" and "is…" are said of the field; any other reason names its fields itself.
  return { refused: `${type}: ${/^(must|is) /.test(why) ? `${field} ${why}` : why}`, field };
}

/** The value as a LabEvent (the same object, unchanged), or the field that is wrong and why. */
export function checkEvent(value: unknown, source: EventSource): EventCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { refused: 'not a JSON object', field: '' };
  const r = value as Rec;
  const type = r.type;
  const known = typeof type === 'string' && KNOWN.has(type);
  if (!known || (source === 'channel' && LAB_ONLY.has(type))) {
    const what = source === 'channel' ? 'record type' : 'event type';
    return { refused: `unknown ${what} ${JSON.stringify(type)?.slice(0, 40)}`, field: 'type' };
  }
  if (!num(r.t)) return refuse(type, ['t', 'must be a number (µs since the run started)']);
  if (r.pid !== null && !int(r.pid)) return refuse(type, ['pid', 'must be an integer or null']);
  if (r.threadId !== undefined && !(int(r.threadId) && (r.threadId as number) >= 1)) return refuse(type, ['threadId', 'must be ≥ 1 (absent on the main thread)']);
  const problem = CHECKS[type as LabEventType](r, source);
  if (problem) return refuse(type, problem);
  return { event: r as unknown as LabEvent };
}
