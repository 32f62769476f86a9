/**
 * `obra record <demo-id | script.js | lesson-folder/>`: run it under the lab,
 * write its log, print a summary; a demo's or a lesson folder's narration
 * steps are printed as the run reaches them (unless --quiet). Ctrl-C (or SIGTERM) stops the whole tree and still writes
 * what was recorded. Exit codes: see cli-error.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Lab } from '../lab/index';
import { loadLessonFolder } from '../lab/lesson-folder';
import { LESSON_FILE, type Lesson } from '../../shared/lesson';
import { summarize } from '../../shared/summary';
import type { Command } from './args';
import { CliError, EXIT, exitForSignal, toCliError } from './cli-error';
import { lessonTraceSteps } from './lesson-trace-steps';
import { NarrationFollower } from './narration-follower';
import { LiveCounter, type Terminal } from './live-counter';
import { chooseFormat, defaultOutName, openLogOutput, writeLog } from './log-writer';
import { labProblems, parseFailure } from './script-failure';
import { formatSummary } from './summary-text';

export type RecordCommand = Extract<Command, { name: 'record' }>;

export interface CliIO {
  stdout: Writable;
  stderr: Terminal;
}

interface Target {
  demoId?: string;
  file?: string;
  /** A demo's or a lesson folder's lesson: its narration is told as the run goes. */
  lesson?: Lesson;
  /** For the default file name and the summary. */
  name: string;
  label: string;
}

const SCRIPT_PATH = /[\\/]|\.[cm]?js$/;

async function resolveTarget(target: string, lab: Lab): Promise<Target> {
  if (!SCRIPT_PATH.test(target)) {
    const demos = await lab.listDemos().catch(() => []);
    if (demos.some((d) => d.id === target)) return { demoId: target, name: target, label: `demo ${target}`, lesson: await lab.lesson(target) };
    const exists = await fs.stat(target).then((s) => s.isFile(), () => false);
    if (!exists) {
      const known = demos.map((d) => d.id).join(', ');
      throw new CliError(`unknown demo '${target}'${known ? ` (demos: ${known})` : ''}; a script path needs a / or .js`, 'ERR_OBRA_UNKNOWN_DEMO');
    }
  }
  const file = path.resolve(target);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'ENOENT';
    throw new CliError(code === 'ENOENT' ? `no such file: ${target}` : `cannot read ${target}: ${(err as Error).message}`, code);
  }
  if (stat.isDirectory()) {
    // A lesson folder (lesson.json beside its scripts): its entry runs where it is, its narration is told.
    const hasLesson = await fs.stat(path.join(file, LESSON_FILE)).then((s) => s.isFile(), () => false);
    if (!hasLesson) throw new CliError(`${target} is a folder without a ${LESSON_FILE}: not a script, nor a lesson`, 'EISDIR');
    const lesson = await loadLessonFolder(file);
    return { file: path.join(lesson.folder, lesson.info.entry), name: lesson.info.id, label: `lesson ${target}`, lesson };
  }
  return { file, name: path.basename(file), label: target };
}

/** Fail before running anything if the log could not be written there. */
async function checkWritable(out: string): Promise<void> {
  if (out === '-') return;
  const stat = await fs.stat(out).catch(() => null);
  if (stat?.isDirectory()) throw new CliError(`--out ${out} is a folder`, 'EISDIR');
  const folder = path.dirname(path.resolve(out));
  try {
    await fs.access(folder, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EACCES';
    const why = code === 'ENOENT' ? `the folder ${folder} does not exist` : code === 'EACCES' ? `no permission to write in ${folder}` : (err as Error).message;
    throw new CliError(`cannot write ${out}: ${why}`, code);
  }
}

function signalName(signal: 'SIGINT' | 'SIGTERM'): string {
  return signal === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM';
}

export async function record(cmd: RecordCommand, io: CliIO): Promise<number> {
  const lab = new Lab(cmd.maxProcesses !== null ? { maxProcesses: cmd.maxProcesses } : {});
  const live = new LiveCounter(io.stderr, !cmd.quiet);
  let runId: string | null = null;
  /** The signal that stopped the recording, if one did. */
  let interrupted: 'SIGINT' | 'SIGTERM' | null = null;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (interrupted) {
      live.note(`obra: ${signalName(signal)} again; leaving now`);
      void lab.shutdown().finally(() => process.exit(exitForSignal(signal)));
      return;
    }
    interrupted = signal;
    live.note(`obra: ${signalName(signal)}: stopping the run (the whole tree); ${signal === 'SIGINT' ? 'Ctrl-C' : 'a second signal'} again to leave at once`);
    if (runId !== null) void lab.stopRun(runId).catch(() => {});
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let follower: NarrationFollower | null = null;
  const unsubscribe = lab.subscribe((batch) => {
    live.add(batch.events);
    if (follower && runId !== null && batch.runId === runId) follower.update(lab.log(runId));
  });
  try {
    const target = await resolveTarget(cmd.target, lab);
    if (target.lesson && !cmd.quiet) follower = new NarrationFollower(target.lesson.steps, cmd.lang, (line) => live.note(line));
    const format = chooseFormat(cmd.format, cmd.out);
    const out = cmd.out ?? defaultOutName(target.name, format);
    await checkWritable(out);

    const run = await lab.startRun({
      // A script runs where `node script.js` would: in the caller's folder. A demo, in its own.
      // A lesson folder's entry, like a demo's, runs in its own folder.
      ...(target.demoId ? { demoId: target.demoId } : target.lesson ? { file: target.file } : { file: target.file, cwd: process.cwd() }),
      args: cmd.scriptArgs,
      ...(cmd.maxDurationMs !== null ? { maxDurationMs: cmd.maxDurationMs } : {}),
      ...(cmd.callbacks ? {} : { callbacks: false }),
    });
    runId = run.runId;
    if (interrupted) void lab.stopRun(runId).catch(() => {});
    await lab.ended(runId);
    const log = lab.log(runId);
    follower?.finish(log);
    live.stop();

    const steps = format === 'trace' && target.lesson ? lessonTraceSteps(target.lesson.steps, log, cmd.lang) : undefined;
    const output = await openLogOutput(out, io.stdout);
    await writeLog(output.stream, format, run.header, log, steps);
    await output.finish();

    const failure = await parseFailure(log);
    if (failure) {
      io.stderr.write(failure.line() + '\n');
      return failure.exitCode;
    }
    const report = out === '-' ? io.stderr : io.stdout;
    const where = out === '-' ? 'stdout' : out;
    report.write(formatSummary(summarize(log), `Recorded ${target.label} → ${where} (${format === 'trace' ? 'Chrome trace' : 'NDJSON'}, ${log.length.toLocaleString('en-US')} events)`));
    const { failure: labError, warnings } = labProblems(log);
    for (const warning of warnings) io.stderr.write(`obra: warning: ${warning.message} (${warning.code})\n`);
    if (labError) {
      io.stderr.write(labError.line() + '\n');
      return labError.exitCode;
    }
    if (interrupted) {
      io.stderr.write(`obra: stopped ${interrupted === 'SIGINT' ? 'with Ctrl-C' : 'by SIGTERM'}; what was recorded is in ${where}\n`);
      return exitForSignal(interrupted);
    }
    return EXIT.ok;
  } catch (err) {
    live.stop();
    const error = toCliError(err);
    io.stderr.write(error.line() + '\n');
    return error.exitCode;
  } finally {
    live.stop();
    unsubscribe();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await lab.shutdown().catch(() => {});
  }
}
