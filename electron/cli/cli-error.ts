/**
 * A failure the CLI reports as one line, `obra: <what> (<CODE>)`, then exits
 * with `exitCode`. Exit codes (documented in `obra --help`):
 *   0   the recording completed (the script ended by itself, whatever its own
 *       exit code, or --max-duration stopped it)
 *   1   Obra could not record: missing file, unknown demo, a script that does
 *       not parse, a lab error or limit
 *   2   the command line is wrong (unknown option, missing argument)
 *   130 stopped with Ctrl-C (SIGINT), 143 stopped by SIGTERM: 128 + the signal's
 *       number, as a shell reports it (what was recorded is still written)
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

/** The exit code after a stop by this signal. */
export function exitForSignal(signal: 'SIGINT' | 'SIGTERM'): number {
  return signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }

  /** The one line printed to stderr. */
  line(): string {
    return `obra: ${this.message} (${this.code})`;
  }
}

export function usageError(message: string, code = 'ERR_OBRA_USAGE'): CliError {
  return new CliError(`${message} (see obra --help)`, code, EXIT.usage);
}

/** Any thrown value as a CliError, keeping Node's or the lab's code. */
export function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : 'ERR_OBRA_INTERNAL';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return new CliError(firstLine(message), code);
}

export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.trim();
}
