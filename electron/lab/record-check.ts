/**
 * What the lab accepts from the report channel. A record is one LabEvent the
 * probe wrote; anything else is refused with a reason (the run counts them
 * and reports the first one). Accepted records are kept verbatim, except that
 * over-long previews are cut.
 *
 * Anything in the run's tree can write to the channel, so a record speaks
 * only for a process: never for the lab (`where: 'lab'`, the boss's own
 * output and exit, which the lab reads itself), and a child's id names the
 * process that made the call (`<pid>:<n>`, `<pid>:t<thread>.<n>`), which must
 * be the one reporting it. What a record claims about processes and sizes is
 * checked against the run in record-gate.ts.
 */
import { TASK_KINDS, type LabEvent } from '../../shared/events';
import { MAX_RECORD_PREVIEW_CHARS, boundPreview } from './preview';

type Rec = Record<string, unknown>;
type Check = (r: Rec) => string | null;

const API = new Set(['exec', 'execFile', 'spawn', 'fork', 'execSync', 'execFileSync', 'spawnSync']);
/** Where an error record from the channel may come from (never 'lab': only the lab speaks for the lab). */
const WHERE = new Set(['child', 'sync', 'uncaught', 'probe']);
/** A call's id: the calling process's pid, then its call number (in a worker thread, with the thread's id). */
const CHILD_ID = /^(\d+):(?:t\d+\.)?\d+$/;
const THREAD_STATES = new Set(['start', 'online', 'exit']);
const TASK_KIND_SET: ReadonlySet<string> = new Set(TASK_KINDS);
/** The longest task label the probe writes (an HTTP request's method and URL, cut). */
const MAX_TASK_LABEL_CHARS = 200;

const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
const count = (v: unknown) => int(v) && (v as number) >= 0;
const str = (v: unknown) => typeof v === 'string';
const strOrNull = (v: unknown) => v === null || typeof v === 'string';
const optional = (v: unknown, test: (v: unknown) => boolean) => v === undefined || test(v);
const need = (ok: boolean, what: string) => (ok ? null : what);

const childId: Check = (r) => need(str(r.childId) && CHILD_ID.test(r.childId as string), 'childId must be <pid>:<n> (the boss is the lab\'s to report)');
/** The pid in a child's id: the process that made the call, and reports on its child. */
export function callerOf(id: string): number {
  return Number(CHILD_ID.exec(id)?.[1]);
}
const callerIs = (r: Rec, pid: unknown) => need(callerOf(r.childId as string) === pid, `childId ${String(r.childId).slice(0, 40)} is not a call of process ${String(pid)}`);

/** Checks per record type; a type missing here is not one the probe may send. */
const CHECKS: Record<string, Check> = {
  call: (r) =>
    childId(r) ??
    callerIs(r, r.pid) ??
    need(API.has(r.api as string), 'api is not a child_process API') ??
    need(str(r.command), 'command must be a string') ??
    need(Array.isArray(r.args) && r.args.every(str), 'args must be strings') ??
    need(typeof r.options === 'object' && r.options !== null, 'options must be an object') ??
    need(r.source === null || (typeof r.source === 'object' && str((r.source as Rec).file)), 'source must be null or a location'),
  spawn: (r) =>
    childId(r) ??
    need(int(r.ppid), 'ppid must be an integer') ??
    need(optional(r.file, str) && optional(r.argv, (v) => Array.isArray(v) && v.every(str)), 'file must be a string, argv strings') ??
    callerIs(r, r.ppid),
  exit: (r) => exitCheck(r),
  close: (r) => exitCheck(r),
  disconnect: childId,
  stdout: (r) => outputCheck(r),
  stderr: (r) => outputCheck(r),
  message: (r) =>
    need(r.dir === 'send' || r.dir === 'recv', 'dir must be send or recv') ??
    need(int(r.from) && int(r.to), 'from and to must be pids') ??
    need(int(r.seq), 'seq must be an integer') ??
    need(count(r.bytes), 'bytes must be a count') ??
    need(str(r.preview), 'preview must be a string') ??
    need(optional(r.count, count) && optional(r.firstSeq, int) && optional(r.lastSeq, int), 'count/firstSeq/lastSeq must be integers') ??
    need(optional(r.fromThread, count) && optional(r.toThread, count), 'fromThread/toThread must be threadIds'),
  thread: (r) =>
    need(THREAD_STATES.has(r.state as string), 'state must be start, online or exit') ??
    need(int(r.thread) && (r.thread as number) >= 1, 'thread must be a threadId (≥ 1)') ??
    need(optional(r.file, str) && optional(r.code, int), 'file must be a string and code an integer'),
  callback: (r) =>
    childId(r) ??
    callerIs(r, r.pid) ??
    need(API.has(r.api as string), 'api is not a child_process API') ??
    need(r.error === null || (typeof r.error === 'object' && str((r.error as Rec).message)), 'error must be null or { message, … }') ??
    need(count(r.stdoutBytes) && count(r.stderrBytes), 'stdoutBytes/stderrBytes must be counts'),
  error: (r) =>
    need(r.where !== 'lab', "only the lab speaks for the lab (where: 'lab')") ??
    need(WHERE.has(r.where as string), 'where must be child, sync, uncaught or probe') ??
    need(optional(r.childId, (v) => str(v) && CHILD_ID.test(v as string)), 'childId must be <pid>:<n>') ??
    need(str(r.name) && str(r.message), 'name and message must be strings') ??
    need(strOrNull(r.code), 'code must be a string or null'),
  task: (r) =>
    need(TASK_KIND_SET.has(r.kind as string), `kind must be one of ${TASK_KINDS.join(', ')}`) ??
    need(count(r.dur), 'dur must be a count of µs') ??
    need(optional(r.due, (v) => typeof v === 'number' && Number.isFinite(v)), 'due must be a number (µs)') ??
    need(optional(r.label, (v) => str(v) && (v as string).length <= MAX_TASK_LABEL_CHARS), `label must be a string of at most ${MAX_TASK_LABEL_CHARS} characters`) ??
    need(r.source === undefined || r.source === null || (typeof r.source === 'object' && str((r.source as Rec).file)), 'source must be null or a location') ??
    need(optional(r.count, (v) => count(v) && (v as number) >= 1) && optional(r.span, count), 'count must be ≥ 1 and span a count of µs'),
  sample: (r) =>
    need(
      ['cpu', 'rss', 'elu', 'interval'].every((k) => optional(r[k], (v) => typeof v === 'number' && Number.isFinite(v))),
      'cpu/rss/elu/interval must be numbers',
    ),
};

function exitCheck(r: Rec): string | null {
  return childId(r) ?? need(r.code === null || int(r.code), 'code must be an integer or null') ?? need(strOrNull(r.signal), 'signal must be a string or null');
}

function outputCheck(r: Rec): string | null {
  return childId(r) ?? need(count(r.bytes), 'bytes must be a count') ?? need(str(r.preview), 'preview must be a string') ?? need(optional(r.count, count), 'count must be a count');
}

/** The record as a LabEvent, or the reason it is refused. */
export function checkRecord(record: unknown): { event: LabEvent } | { refused: string } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { refused: 'not a JSON object' };
  const r = record as Rec;
  const type = r.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(CHECKS, type)) {
    return { refused: `unknown record type ${JSON.stringify(type)?.slice(0, 40)}` };
  }
  if (typeof r.t !== 'number' || !Number.isFinite(r.t)) return { refused: `${type}: t must be a number (µs since OBRA_T0)` };
  if (r.pid !== null && !int(r.pid)) return { refused: `${type}: pid must be an integer or null` };
  if (r.threadId !== undefined && !(int(r.threadId) && (r.threadId as number) >= 1)) return { refused: `${type}: threadId must be ≥ 1 (absent on the main thread)` };
  const why = CHECKS[type](r);
  if (why) return { refused: `${type}: ${why}` };
  if (typeof r.preview === 'string' && r.preview.length > MAX_RECORD_PREVIEW_CHARS) r.preview = boundPreview(r.preview, MAX_RECORD_PREVIEW_CHARS);
  return { event: r as unknown as LabEvent };
}
