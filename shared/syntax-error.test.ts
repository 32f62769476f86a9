import { describe, expect, it } from 'vitest';
import { SYNTAX_ERROR, syntaxErrorMessage, syntaxPlaceOf } from './syntax-error';

describe('a syntax error crossing a transport', () => {
  it('reads back the file, line, column and Node’s words it was written with', () => {
    const place = { path: 'lib/work er.js', line: 12, column: 7, message: "Unexpected token ')'" };
    const message = syntaxErrorMessage(place);
    expect(message).toBe("lib/work er.js:12:7: SyntaxError: Unexpected token ')' (nothing was run)");
    expect(syntaxPlaceOf({ code: SYNTAX_ERROR, message })).toEqual(place);
    expect(syntaxPlaceOf({ code: SYNTAX_ERROR, message: syntaxErrorMessage({ ...place, column: null }) })).toEqual({ ...place, column: null });
  });

  it('is null for every other failure', () => {
    expect(syntaxPlaceOf({ code: 'ENOENT', message: 'a.js:1:1: SyntaxError: x (nothing was run)' })).toBeNull();
    expect(syntaxPlaceOf({ code: SYNTAX_ERROR, message: 'garbled' })).toBeNull();
    expect(syntaxPlaceOf(null)).toBeNull();
  });
});
