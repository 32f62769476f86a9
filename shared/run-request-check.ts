/**
 * The one check of a run request's shape and sizes, and its limits: the
 * transports run it on what a page sends (shared/validate.ts), the lab on
 * every request, a page's or the CLI's (electron/lab/run-request.ts), before
 * anything touches the disk.
 *
 * Pure TypeScript: no Node or DOM imports.
 */
import { MAX_REQUEST_BYTES, SCRIPT_EXTENSIONS, type ObraErrorShape, type RunRequest } from './api';
import { isRelativeFilePath, runFilesProblem } from './run-files';
import { utf8Bytes } from './utf8';

export const BAD_REQUEST = 'ERR_OBRA_BAD_REQUEST';
const NOT_A_SCRIPT = 'ERR_OBRA_NOT_A_SCRIPT';

export const RUN_LIMITS = {
  pathChars: 4096,
  args: 256,
  argChars: 4096,
  sourceNameChars: 255,
  /** UTF-8 bytes of uploaded source and files together: what a request carries, less room for the rest of it. */
  sourceBytes: MAX_REQUEST_BYTES - 64 * 1024,
  /** The longest run anyone may ask for: one day. */
  maxDurationMs: 24 * 60 * 60 * 1000,
} as const;

/** Demo ids are short kebab-case names (`event-loop`, `all-cores`). */
export const DEMO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const SCRIPT_NAME = new RegExp(`\\.(${SCRIPT_EXTENSIONS.join('|')})$`, 'i');

export function badRequest(message: string): ObraErrorShape {
  return { code: BAD_REQUEST, message };
}

export function notAScript(name: string): ObraErrorShape {
  return { code: NOT_A_SCRIPT, message: `Obra runs Node scripts (.js, .mjs, .cjs); this is not one: ${name}` };
}

/** Whether a path or name ends in a script extension Obra runs. */
export function isScriptName(name: string): boolean {
  return SCRIPT_NAME.test(name);
}

const PAGE_KEYS: ReadonlySet<string> = new Set<keyof RunRequest>(['demoId', 'file', 'source', 'files', 'args', 'maxDurationMs', 'callbacks']);
/** A local caller (the CLI) may also name the boss's working directory. */
const LOCAL_KEYS: ReadonlySet<string> = new Set([...PAGE_KEYS, 'cwd']);

/**
 * What is wrong with a run request, or null. `local`: the caller runs in the
 * lab's own process (the CLI), so `cwd` is allowed; a page never gives one.
 */
export function runRequestProblem(value: unknown, { local = false } = {}): ObraErrorShape | null {
  if (!isPlainObject(value)) return badRequest('the run request must be an object');
  const keys = local ? LOCAL_KEYS : PAGE_KEYS;
  const extra = Object.keys(value).find((key) => !keys.has(key));
  if (extra !== undefined) return badRequest(`unknown field ${describe(extra)} in the run request`);
  const targets = (['demoId', 'file', 'source'] as const).filter((key) => value[key] !== undefined);
  if (targets.length !== 1) return badRequest('give exactly one of demoId, file or source');
  const { demoId, file, cwd, source, files, args, maxDurationMs, callbacks } = value;
  if (callbacks !== undefined && typeof callbacks !== 'boolean') return badRequest('callbacks must be true or false');
  if (demoId !== undefined && !(typeof demoId === 'string' && DEMO_ID.test(demoId))) return badRequest('demoId must be a short kebab-case name');
  if (file !== undefined && !isPathText(file)) return badRequest(`file must be a path (a non-empty string of at most ${RUN_LIMITS.pathChars} characters, without NUL)`);
  if (cwd !== undefined && !isPathText(cwd)) return badRequest(`cwd must be a path (a non-empty string of at most ${RUN_LIMITS.pathChars} characters, without NUL)`);
  if (source !== undefined) {
    const problem = sourceProblem(source);
    if (problem) return problem;
  }
  if (files !== undefined) {
    const boss = source as { name: string; text: string } | undefined;
    const problem = runFilesProblem(files, boss?.name ?? null);
    if (problem) return badRequest(problem);
    const bytes = [...(files as { text: string }[]), ...(boss ? [boss] : [])].reduce((sum, f) => sum + utf8Bytes(f.text), 0);
    if (bytes > RUN_LIMITS.sourceBytes) return badRequest(`the files hold ${bytes} bytes, more than the ${RUN_LIMITS.sourceBytes} a run request carries`);
  }
  if (args !== undefined) {
    if (!Array.isArray(args) || args.length > RUN_LIMITS.args) return badRequest(`args must be an array of at most ${RUN_LIMITS.args} strings`);
    if (!args.every((arg) => typeof arg === 'string' && arg.length <= RUN_LIMITS.argChars && !arg.includes('\0'))) {
      return badRequest(`every arg must be a string of at most ${RUN_LIMITS.argChars} characters without NUL`);
    }
  }
  if (maxDurationMs !== undefined) {
    const ok = typeof maxDurationMs === 'number' && Number.isInteger(maxDurationMs) && maxDurationMs >= 1 && maxDurationMs <= RUN_LIMITS.maxDurationMs;
    if (!ok) return badRequest(`maxDurationMs must be a whole number of milliseconds from 1 to ${RUN_LIMITS.maxDurationMs}`);
  }
  return null;
}

function sourceProblem(source: unknown): ObraErrorShape | null {
  if (!isPlainObject(source)) return badRequest('source must be an object { name, text }');
  const keys = Object.keys(source);
  if (keys.length !== 2 || !('name' in source) || !('text' in source)) return badRequest('source must have exactly name and text');
  const { name, text } = source;
  if (!isRelativeFilePath(name) || name.length > RUN_LIMITS.sourceNameChars) {
    return badRequest(`source.name must be a file's path inside the run's folder (no .., no leading dot) of at most ${RUN_LIMITS.sourceNameChars} characters`);
  }
  if (!isScriptName(name)) return notAScript(name);
  if (typeof text !== 'string' || utf8Bytes(text) > RUN_LIMITS.sourceBytes) return badRequest(`source.text must be a string of at most ${RUN_LIMITS.sourceBytes} bytes (within the request size limit)`);
  return null;
}

/** A file name without any folder: no slash, backslash or NUL, not `.` or `..`, at most 255 characters. */
export function isFileName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && name.length <= RUN_LIMITS.sourceNameChars && !/[/\\\0]/.test(name) && name !== '.' && name !== '..';
}

function isPathText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= RUN_LIMITS.pathChars && !value.includes('\0');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A short, safe rendering of an untrusted value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  return typeof value;
}
