import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args';
import { CliError } from './cli-error';

function failure(argv: string[]): CliError {
  try {
    parseCommandLine(argv, {});
  } catch (err) {
    return err as CliError;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('the obra command line', () => {
  it('record: target, options, and the script arguments after --', () => {
    expect(parseCommandLine(['record', 'x.js', '-o', 'x.json', '--max-duration', '500', '--', '--help', '-o', 'y'], {})).toEqual({
      name: 'record', target: 'x.js', out: 'x.json', format: null, maxDurationMs: 500, maxProcesses: null, quiet: false, callbacks: true, lang: 'en', scriptArgs: ['--help', '-o', 'y'],
    });
    expect(parseCommandLine(['record', 'spawn', '--format=trace', '-q', '--lang', 'es'], {})).toMatchObject({ target: 'spawn', format: 'trace', quiet: true, lang: 'es' });
  });

  it('says which option it does not know, with exit code 2', () => {
    const err = failure(['record', 'x.js', '--ouput', 'f']);
    expect(err.line()).toBe("obra: unknown option --ouput for 'record' (see obra --help) (ERR_PARSE_ARGS_UNKNOWN_OPTION)");
    expect(err.exitCode).toBe(2);
    expect(failure(['--bogus']).code).toBe('ERR_PARSE_ARGS_UNKNOWN_OPTION');
    expect(failure(['demos', '--port', '3']).message).toMatch(/unknown option --port for 'demos'/);
  });

  it('refuses bad values and missing pieces in one line each', () => {
    expect(failure(['record']).message).toMatch(/record needs a demo id or a script path/);
    expect(failure(['record', 'a.js', 'b']).message).toMatch(/unexpected argument 'b': put the script's arguments after --/);
    expect(failure(['record', 'a.js', '--format', 'xml']).message).toMatch(/--format is ndjson or trace, not 'xml'/);
    expect(failure(['record', 'a.js', '--max-duration', '1.5s']).message).toMatch(/--max-duration wants a whole number above 0/);
    expect(failure(['record', 'a.js', '--out']).code).toBe('ERR_PARSE_ARGS_INVALID_OPTION_VALUE');
    expect(failure(['serve', '--port', '70000']).message).toMatch(/at most 65535/);
    expect(failure(['frobnicate']).line()).toBe("obra: unknown command 'frobnicate' (see obra --help) (ERR_OBRA_UNKNOWN_COMMAND)");
  });

  it('help, version, demos and serve', () => {
    expect(parseCommandLine([], {})).toEqual({ name: 'help' });
    expect(parseCommandLine(['record', 'x.js', '--help'], {})).toEqual({ name: 'help' });
    expect(parseCommandLine(['--version'], {})).toEqual({ name: 'version' });
    expect(parseCommandLine(['demos', '--json'], { LANG: 'es_ES.UTF-8' })).toEqual({ name: 'demos', json: true, lang: 'es', dir: null });
    expect(parseCommandLine(['demos', '--dir', './lessons'], {})).toMatchObject({ name: 'demos', dir: './lessons' });
    expect(parseCommandLine(['serve', '--port', '0', '--open'], {})).toEqual({ name: 'serve', port: 0, open: true });
  });
});
