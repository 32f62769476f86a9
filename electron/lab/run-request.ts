/**
 * Checking what a transport hands the lab: every field's type and size, then
 * what it names (a demo, a file on disk, uploaded source). Failures are
 * ObraErrors with Node's own code (ENOENT, EISDIR, EACCES) or ERR_OBRA_*.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoSource, RunRequest } from '../../shared/api';
import { MAX_REQUEST_BYTES, SCRIPT_EXTENSIONS } from '../../shared/api';
import type { DemoCatalogue } from './demo-catalogue';
import { ObraError, badRequest } from './obra-error';

/** RunRequest plus what only local callers (the CLI) pass: a working directory. */
export interface LabRunRequest extends RunRequest {
  /** Working directory of the boss; default: the script's folder. */
  cwd?: string;
}

/** What the lab will run, resolved from a request. */
export interface RunPlan {
  /** Absolute path; for uploaded source, where it will be written in the run's folder. */
  script: string | null;
  source?: { name: string; text: string };
  cwd: string | null;
  args: string[];
  demoId?: string;
  maxDurationMs?: number;
  /** false: the event loops' callbacks are not recorded (OBRA_TASKS=0 for the whole tree). */
  callbacks: boolean;
  /** A `file` run: the boss script's text as read before it started (RunInfo.sources), when it is at most 1 MiB. */
  sources?: DemoSource[];
}

export const LIMITS = {
  pathChars: 4096,
  sourceNameChars: 255,
  sourceBytes: MAX_REQUEST_BYTES - 64 * 1024,
  args: 256,
  argChars: 4096,
  maxDurationMs: 24 * 60 * 60 * 1000,
};

const KEYS = new Set(['demoId', 'file', 'source', 'args', 'maxDurationMs', 'cwd', 'callbacks']);
const SCRIPT_EXT = new RegExp(`\\.(${SCRIPT_EXTENSIONS.join('|')})$`, 'i');

/** Types and sizes only; nothing touches the disk. */
export function checkRunRequest(req: unknown): LabRunRequest {
  if (typeof req !== 'object' || req === null || Array.isArray(req)) throw badRequest('A run request must be an object');
  const r = req as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!KEYS.has(key)) throw badRequest(`A run request has no field "${key.slice(0, 40)}"`);
  const given = ['demoId', 'file', 'source'].filter((k) => r[k] !== undefined);
  if (given.length !== 1) throw badRequest('A run request names exactly one of demoId, file or source');
  if (r.demoId !== undefined && typeof r.demoId !== 'string') throw badRequest('demoId must be a string');
  if (r.file !== undefined) checkPath(r.file, 'file');
  if (r.cwd !== undefined) checkPath(r.cwd, 'cwd');
  if (r.source !== undefined) checkSource(r.source);
  if (r.callbacks !== undefined && typeof r.callbacks !== 'boolean') throw badRequest('callbacks must be true or false');
  if (r.args !== undefined) checkArgs(r.args);
  if (r.maxDurationMs !== undefined) {
    const ms = r.maxDurationMs;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1 || ms > LIMITS.maxDurationMs) {
      throw badRequest(`maxDurationMs must be a whole number of milliseconds from 1 to ${LIMITS.maxDurationMs}`);
    }
  }
  return r as LabRunRequest;
}

/** Resolve what the request names; rejects with ENOENT/EISDIR/ERR_OBRA_* as a user would want to read them. */
export async function planRun(req: LabRunRequest, catalogue: DemoCatalogue): Promise<RunPlan> {
  const args = req.args ? [...req.args] : [];
  const common = { args, maxDurationMs: req.maxDurationMs, cwd: req.cwd ? path.resolve(req.cwd) : null, callbacks: req.callbacks !== false };
  if (req.cwd) await checkDirectory(common.cwd as string);
  if (req.source) return { ...common, script: null, source: { ...req.source } };
  if (req.demoId !== undefined) {
    const demo = await catalogue.find(req.demoId);
    const script = catalogue.fileOf(demo, demo.entry);
    await checkScriptFile(script);
    return { ...common, script, cwd: common.cwd ?? path.dirname(script), demoId: demo.id };
  }
  const script = path.resolve(req.file as string);
  const size = await checkScriptFile(script);
  const sources = await scriptSource(script, size);
  return { ...common, script, cwd: common.cwd ?? path.dirname(script), ...(sources ? { sources } : {}) };
}

/** Largest script text handed back with a run (the code panel shows it). */
const MAX_SOURCE_BYTES = 1024 * 1024;

/** The boss script's text, or nothing when it is too big or cannot be read now. */
async function scriptSource(file: string, size: number): Promise<DemoSource[] | undefined> {
  if (size > MAX_SOURCE_BYTES) return undefined;
  try {
    return [{ path: path.basename(file), text: await fs.readFile(file, 'utf8') }];
  } catch {
    return undefined;
  }
}

/** Checks that `file` is a readable script; resolves with its size. */
async function checkScriptFile(file: string): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    throw ObraError.from(err);
  }
  if (stat.isDirectory()) throw new ObraError('EISDIR', `EISDIR: illegal operation on a directory, open '${file}'`);
  if (!SCRIPT_EXT.test(file)) {
    throw new ObraError('ERR_OBRA_NOT_A_SCRIPT', `Obra runs Node scripts (.js, .mjs, .cjs); this is not one: ${file}`);
  }
  try {
    await fs.access(file, fs.constants.R_OK);
  } catch (err) {
    throw ObraError.from(err);
  }
  return stat.size;
}

async function checkDirectory(dir: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch (err) {
    throw ObraError.from(err);
  }
  if (!stat.isDirectory()) throw new ObraError('ENOTDIR', `ENOTDIR: not a directory, chdir '${dir}'`);
}

function checkPath(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0) throw badRequest(`${field} must be a non-empty string`);
  if (value.length > LIMITS.pathChars) throw badRequest(`${field} is longer than ${LIMITS.pathChars} characters`);
  if (value.includes('\0')) throw badRequest(`${field} contains a NUL character`);
}

function checkSource(value: unknown): void {
  const s = value as { name?: unknown; text?: unknown } | null;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw badRequest('source must be { name, text }');
  for (const key of Object.keys(s)) if (key !== 'name' && key !== 'text') throw badRequest(`source has no field "${key.slice(0, 40)}"`);
  const { name, text } = s;
  if (typeof name !== 'string' || name.length === 0 || name.length > LIMITS.sourceNameChars) {
    throw badRequest(`source.name must be a file name of 1 to ${LIMITS.sourceNameChars} characters`);
  }
  if (/[/\\\0]/.test(name) || name === '.' || name === '..' || name.startsWith('.')) {
    throw badRequest(`source.name must be a plain file name, not a path: ${JSON.stringify(name)}`);
  }
  if (!SCRIPT_EXT.test(name)) {
    throw new ObraError('ERR_OBRA_NOT_A_SCRIPT', `Obra runs Node scripts (.js, .mjs, .cjs); this is not one: ${name}`);
  }
  if (typeof text !== 'string') throw badRequest('source.text must be a string');
  if (Buffer.byteLength(text, 'utf8') > LIMITS.sourceBytes) throw badRequest(`source.text is larger than ${LIMITS.sourceBytes} bytes`);
}

function checkArgs(value: unknown): void {
  if (!Array.isArray(value)) throw badRequest('args must be an array of strings');
  if (value.length > LIMITS.args) throw badRequest(`args has more than ${LIMITS.args} entries`);
  for (const a of value) {
    if (typeof a !== 'string') throw badRequest('args must be an array of strings');
    if (a.length > LIMITS.argChars) throw badRequest(`an argument is longer than ${LIMITS.argChars} characters`);
    if (a.includes('\0')) throw badRequest('an argument contains a NUL character');
  }
}
