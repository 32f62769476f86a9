/**
 * The command line, parsed by node:util's parseArgs (strict), with our own
 * one-line errors. Everything after `--` belongs to the recorded script.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isLang, langOfLocale } from '../../shared/api';
import { usageError } from './cli-error';

export type TraceFormat = 'ndjson' | 'trace';

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'demos'; json: boolean; lang: 'es' | 'en'; dir: string | null }
  | { name: 'serve'; port: number; open: boolean }
  | {
      name: 'record';
      target: string;
      out: string | null;
      format: TraceFormat | null;
      maxDurationMs: number | null;
      /** The lab's limit of processes alive at once (its default when null). */
      maxProcesses: number | null;
      quiet: boolean;
      /** false with --no-callbacks: the event loops' callbacks are not recorded. */
      callbacks: boolean;
      /** Language of the narration steps told as the run goes, and in a trace. */
      lang: 'es' | 'en';
      scriptArgs: string[];
    };

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMAND_OPTIONS: Record<'record' | 'demos' | 'serve', Options> = {
  record: {
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    'max-duration': { type: 'string' },
    'max-processes': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    'no-callbacks': { type: 'boolean' },
    lang: { type: 'string' },
  },
  demos: { json: { type: 'boolean' }, lang: { type: 'string' }, dir: { type: 'string' } },
  serve: { port: { type: 'string', short: 'p' }, open: { type: 'boolean' } },
};

function parse(command: keyof typeof COMMAND_OPTIONS, args: string[]) {
  try {
    return parseArgs({ args, options: COMMAND_OPTIONS[command], allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as { code?: string; message: string };
    const option = /'([^']+)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw usageError(`unknown option ${option ?? ''} for '${command}'`, e.code);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw usageError(`option ${option ?? ''} needs a value`, e.code);
    throw usageError(e.message.split('.')[0], e.code ?? 'ERR_OBRA_USAGE');
  }
}

function positiveInteger(flag: string, text: string, allowZero = false): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || (!allowZero && n === 0)) {
    throw usageError(`${flag} wants a whole number${allowZero ? '' : ' above 0'}, not '${text}'`);
  }
  return n;
}

/** --lang, else Spanish when the locale is, else English. */
function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv): 'es' | 'en' {
  const lang = flag ?? langOfLocale(env.LC_ALL || env.LANG);
  if (!isLang(lang)) throw usageError(`--lang is es or en, not '${lang}'`);
  return lang;
}

/** `argv` without node and the bin path. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { name: 'help' };
  if (first === '--version' || first === '-v' || first === 'version') return { name: 'version' };
  const ownArgs = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (ownArgs.includes('--help') || ownArgs.includes('-h')) return { name: 'help' };

  switch (first) {
    case 'record': {
      const dash = rest.indexOf('--');
      const own = dash === -1 ? rest : rest.slice(0, dash);
      const scriptArgs = dash === -1 ? [] : rest.slice(dash + 1);
      const { values, positionals } = parse('record', own);
      if (positionals.length === 0) throw usageError("record needs a demo id or a script path, e.g. 'obra record spawn'");
      if (positionals.length > 1) throw usageError(`unexpected argument '${positionals[1]}': put the script's arguments after --`);
      const format = values.format as string | undefined;
      if (format !== undefined && format !== 'ndjson' && format !== 'trace') {
        throw usageError(`--format is ndjson or trace, not '${format}'`);
      }
      const maxDuration = values['max-duration'] as string | undefined;
      const maxProcesses = values['max-processes'] as string | undefined;
      return {
        name: 'record',
        target: positionals[0],
        out: (values.out as string | undefined) ?? null,
        format: format ?? null,
        maxDurationMs: maxDuration === undefined ? null : positiveInteger('--max-duration', maxDuration),
        maxProcesses: maxProcesses === undefined ? null : positiveInteger('--max-processes', maxProcesses),
        quiet: values.quiet === true,
        callbacks: values['no-callbacks'] !== true,
        lang: chooseLang(values.lang as string | undefined, env),
        scriptArgs,
      };
    }
    case 'demos': {
      const { values, positionals } = parse('demos', rest);
      if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}'`);
      return { name: 'demos', json: values.json === true, lang: chooseLang(values.lang as string | undefined, env), dir: (values.dir as string | undefined) ?? null };
    }
    case 'serve': {
      const { values, positionals } = parse('serve', rest);
      if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}'`);
      const port = values.port === undefined ? 0 : positiveInteger('--port', values.port as string, true);
      if (port > 65535) throw usageError(`--port must be at most 65535, not ${port}`);
      return { name: 'serve', port, open: values.open === true };
    }
    default:
      if (first.startsWith('-')) throw usageError(`unknown option ${first}`, 'ERR_PARSE_ARGS_UNKNOWN_OPTION');
      throw usageError(`unknown command '${first}'`, 'ERR_OBRA_UNKNOWN_COMMAND');
  }
}

export const HELP = `obra — watch a Node.js program put child processes to work

Usage:
  obra record <demo-id | path/to/script.js | path/to/lesson/> [options] [-- script args]
      Run it under the lab, write its event log, print a summary. A demo or a
      lesson folder (lesson.json, narration.json, its scripts: docs/LESSONS.md)
      tells its narration steps on stderr as the run reaches them.
      -o, --out FILE          where to write (default obra-<name>.ndjson or
                              obra-<name>.trace.json; '-' for stdout)
      -f, --format FORMAT     ndjson (default; a .json --out means trace) or
                              trace (Chrome trace JSON for Perfetto / chrome://tracing)
      --max-duration MS       stop the whole tree after MS milliseconds
      --max-processes N       the lab's limit of processes alive at once (default 256)
      -q, --quiet             no live counters, no narration steps
      --no-callbacks          leave out the event loops' callbacks (the
                              callback track): callback-heavy scripts run faster
      --lang es|en            the narration's language (default: from LANG)
  obra demos [--json] [--lang es|en] [--dir FOLDER]
      the demo catalogue, or the lessons of FOLDER (its catalogue.json, else
      every sub-folder with a lesson.json)
  obra serve [--port N] [--open]       the app in a browser, on 127.0.0.1
  obra --help | --version

Exit status of record:
  0    recorded to the end (the script's own exit code is in the summary),
       or stopped by --max-duration
  1    Obra could not record: missing file, unknown demo, a script that does
       not parse, a lesson that does not pass its check (ERR_OBRA_BAD_LESSON,
       naming the file, step and field), a lab limit or error, no probe (the log is still written if a
       run began); other lab warnings are printed and do not change the status
  2    wrong command line
  130  stopped with Ctrl-C (what was recorded is written)
  143  stopped by SIGTERM (what was recorded is written)
`;
