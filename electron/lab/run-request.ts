/**
 * Checking what a transport (or the CLI) hands the lab: every field's type
 * and size by the one check all callers share (shared/run-request-check.ts),
 * then what it names (a demo, a file on disk, uploaded source). Failures are
 * ObraErrors with Node's own code (ENOENT, EISDIR, EACCES) or ERR_OBRA_*.
 */
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DemoSource, RunRequest } from '../../shared/api';
import { BAD_REQUEST, isScriptName, notAScript, runRequestProblem } from '../../shared/run-request-check';
import type { DemoCatalogue } from './demo-catalogue';
import { ObraError } from './obra-error';
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
  /** false: the event loops' callbacks are not recorded (OBRA_TASKS=0 for the whole tree). */
  callbacks: boolean;
  /** A `file` run: the boss script's text as read before it started (RunInfo.sources), when it is at most 1 MiB. */
  sources?: DemoSource[];
}

/** Types and sizes only; nothing touches the disk. */
export function checkRunRequest(req: unknown): LabRunRequest {
  const problem = runRequestProblem(req, { local: true });
  if (problem) throw new ObraError(problem.code, problem.message);
  return req as LabRunRequest;
}

/** Resolve what the request names; rejects with ENOENT/EISDIR/ERR_OBRA_* as a user would want to read them. */
export async function planRun(req: LabRunRequest, catalogue: DemoCatalogue): Promise<RunPlan> {
  const args = req.args ? [...req.args] : [];
  const common = { args, maxDurationMs: req.maxDurationMs, cwd: req.cwd ? path.resolve(req.cwd) : null, callbacks: req.callbacks !== false };
  if (req.cwd) await checkDirectory(common.cwd as string);
  const files = req.files ?? [];
  if (req.source) return { ...common, script: null, copy: { write: [{ path: req.source.name, text: req.source.text }, ...files], entry: req.source.name } };
  if (req.demoId !== undefined) {
    const demo = await catalogue.find(req.demoId);
    const script = catalogue.fileOf(demo, demo.entry);
    await checkScriptFile(script);
    if (!req.files) return { ...common, script, cwd: common.cwd ?? path.dirname(script), demoId: demo.id };
    const stranger = files.find((f) => !demo.files.includes(f.path));
    if (stranger) throw new ObraError(BAD_REQUEST, `${stranger.path} is not a file of the demo "${demo.id}" (${demo.files.join(', ')})`);
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
  if (nested) throw new ObraError(BAD_REQUEST, `${nested.path}: an edited script's files are the top-level files of its folder`);
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
  const stat = await statOf(file);
  if (stat.isDirectory()) throw new ObraError('EISDIR', `EISDIR: illegal operation on a directory, open '${file}'`);
  if (!isScriptName(file)) {
    const { code, message } = notAScript(file);
    throw new ObraError(code, message);
  }
  await fs.access(file, fs.constants.R_OK).catch((err: unknown) => {
    throw ObraError.from(err);
  });
  return stat.size;
}

async function checkDirectory(dir: string): Promise<void> {
  const stat = await statOf(dir);
  if (!stat.isDirectory()) throw new ObraError('ENOTDIR', `ENOTDIR: not a directory, chdir '${dir}'`);
}

/** fs.stat, failing with Node's own code (ENOENT, EACCES…) as an ObraError. */
function statOf(file: string): Promise<Stats> {
  return fs.stat(file).catch((err: unknown) => {
    throw ObraError.from(err);
  });
}
