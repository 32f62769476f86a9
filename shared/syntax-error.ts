/**
 * A file of a run that does not parse, found by `node --check` before
 * anything runs: the failure crosses a transport as { code, message }, and
 * the editor reads the file, line and column back from the message to mark
 * them. Written and read here only. Pure: no Node or DOM imports.
 */

export const SYNTAX_ERROR = 'ERR_OBRA_SYNTAX';

export interface SyntaxPlace {
  /** The file as the run names it (relative to its folder: `worker.js`). */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, where Node's caret points; null when Node showed none. */
  column: number | null;
  /** Node's own words after `SyntaxError: `. */
  message: string;
}

/** `worker.js:3:7: SyntaxError: Unexpected token ')' (nothing was run)` */
export function syntaxErrorMessage(place: SyntaxPlace): string {
  return `${place.path}:${place.line}${place.column === null ? '' : `:${place.column}`}: SyntaxError: ${place.message} (nothing was run)`;
}

const MESSAGE = /^(.+?):(\d+)(?::(\d+))?: SyntaxError: (.*) \(nothing was run\)$/s;

/** The place an ERR_OBRA_SYNTAX failure names, or null for any other failure. */
export function syntaxPlaceOf(error: unknown): SyntaxPlace | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== SYNTAX_ERROR || typeof message !== 'string') return null;
  const found = MESSAGE.exec(message);
  if (!found) return null;
  return { path: found[1], line: Number(found[2]), column: found[3] === undefined ? null : Number(found[3]), message: found[4] };
}
