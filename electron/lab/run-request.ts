/**
 * Checking what a transport hands the lab: every field's type and size, then
 * what it names (a demo, a file on disk, uploaded source). Failures are
 * ObraErrors with Node's own code (ENOENT, EISDIR, EACCES) or ERR_OBRA_*.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoSource, RunRequest } from '../../shared/api';
import { MAX_REQUEST_BYTES, SCRIPT_EXTENSIONS } from '../../shared/api';
import { isRelativeFilePath, runFilesProblem } from '../../shared/run-files';
import type { DemoCatalogue } from './demo-catalogue';
import { ObraError, badRequest } from './obra-error';
import type { PrivateCopy } from './private-copy';

/** RunRequest plus what only local callers (the CLI) pass: a working directory. */
export interface LabRunRequest extends RunRequest {
  /** Working directory of the boss; default: the script's folder. */
  cwd?: string;
}

/** What the lab will run, resolved from a request. */
export interface RunPlan {
  /** Absolute path; null when the run starts from a private copy (`copy`). */
  script: string | null;
  /** Uploaded or edited files: the run starts from a copy in its own folder. */
  copy?: PrivateCopy;
  cwd: string | null;
  args: string[];
  demoId?: string;
  maxDurationMs?: number;
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

const KEYS = new Set(['demoId', 'file', 'source', 'files', 'args', 'maxDurationMs', 'cwd']);
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
  if (r.files !== undefined) checkFiles(r.files, r.source as { name: string; text: string } | undefined);
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
  const common = { args, maxDurationMs: req.maxDurationMs, cwd: req.cwd ? path.resolve(req.cwd) : null };
  if (req.cwd) await checkDirectory(common.cwd as string);
  const files = req.files ?? [];
  if (req.source) return { ...common, script: null, copy: { write: [{ path: req.source.name, text: req.source.text }, ...files], entry: req.source.name } };
  if (req.demoId !== undefined) {
    const demo = await catalogue.find(req.demoId);
    const script = catalogue.fileOf(demo, demo.entry);
    await checkScriptFile(script);
    if (!req.files) return { ...common, script, cwd: common.cwd ?? path.dirname(script), demoId: demo.id };
    const stranger = files.find((f) => !demo.files.includes(f.path));
    if (stranger) throw badRequest(`${stranger.path} is not a file of the demo "${demo.id}" (${demo.files.join(', ')})`);
    const folder = path.dirname(script);
    return { ...common, script: null, demoId: demo.id, copy: { from: { folder, names: demo.files }, write: files, entry: demo.entry } };
  }
  const script = path.resolve(req.file as string);
  const size = await checkScriptFile(script);
  const sources = await scriptSource(script, size);
  const read = sources ? { sources } : {};
  if (!req.files) return { ...common, script, cwd: common.cwd ?? path.dirname(script), ...read };
  // Edits of a script on disk: the files of its folder's top level (the code panel shows no others).
  const nested = files.find((f) => f.path.includes('/'));
  if (nested) throw badRequest(`${nested.path}: an edited script's files are the top-level files of its folder`);
  return { ...common, script: null, ...read, copy: { from: { folder: path.dirname(script), names: null }, write: files, entry: path.basename(script) } };
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
  if (!isRelativeFilePath(name)) {
    throw badRequest(`source.name must be a file's path inside the run's folder: ${JSON.stringify(name)}`);
  }
  if (!SCRIPT_EXT.test(name)) {
    throw new ObraError('ERR_OBRA_NOT_A_SCRIPT', `Obra runs Node scripts (.js, .mjs, .cjs); this is not one: ${name}`);
  }
  if (typeof text !== 'string') throw badRequest('source.text must be a string');
  if (Buffer.byteLength(text, 'utf8') > LIMITS.sourceBytes) throw badRequest(`source.text is larger than ${LIMITS.sourceBytes} bytes`);
}

/** Uploaded or edited files: paths inside the run's folder, all the texts within what one request carries. */
function checkFiles(value: unknown, boss: { name: string; text: string } | undefined): void {
  const problem = runFilesProblem(value, boss?.name ?? null);
  if (problem) throw badRequest(problem);
  const bytes = [...(value as { text: string }[]), ...(boss ? [boss] : [])].reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0);
  if (bytes > LIMITS.sourceBytes) throw badRequest(`the files hold ${bytes} bytes, more than the ${LIMITS.sourceBytes} a run request carries`);
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
