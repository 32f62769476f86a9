import { describe, expect, it } from 'vitest';
import { MAX_NATIVE_FILE_BYTES } from './api';
import { BAD_REQUEST, isFileName, TOO_LARGE, validateSaveFile } from './validate';

function refusal(params: unknown[]): { code: string; message: string } {
  const check = validateSaveFile(params);
  if (check.ok) throw new Error(`expected ${JSON.stringify(params).slice(0, 80)} to be refused`);
  return check.error;
}

describe('validateSaveFile', () => {
  it('accepts each kind, with text or bytes', () => {
    for (const kind of ['recording', 'png', 'svg', 'trace', 'webm', 'mp4', 'gif']) {
      expect(validateSaveFile([{ suggestedName: `a.${kind}`, kind, data: 'x' }]).ok).toBe(true);
    }
    const bytes = new Uint8Array([1, 2, 3]);
    const check = validateSaveFile([{ suggestedName: 'fork@2x.png', kind: 'png', data: bytes }]);
    expect(check.ok && check.file.data).toBe(bytes);
  });

  it('refuses a name with a folder in it, or no name', () => {
    for (const name of ['../x.png', '/tmp/x.png', 'a/b.png', 'a\\b.png', '..', '.', '', 'a\0.png', 'x'.repeat(256), 7]) {
      expect(refusal([{ suggestedName: name, kind: 'png', data: 'x' }])).toMatchObject({ code: BAD_REQUEST, message: /plain file name/ });
    }
    expect(isFileName('fork-2026-11-26.obra.json')).toBe(true);
  });

  it('refuses unknown kinds, data that is neither text nor bytes, extra fields and a wrong argument count', () => {
    expect(refusal([{ suggestedName: 'a.exe', kind: 'exe', data: 'x' }]).message).toMatch(/kind must be one of recording, png, svg, trace, webm, mp4, gif/);
    expect(refusal([{ suggestedName: 'a.png', kind: 'png', data: [1, 2] }]).message).toMatch(/data must be a string or a Uint8Array/);
    expect(refusal([{ suggestedName: 'a.png', kind: 'png', data: 'x', path: '/etc/passwd' }]).message).toMatch(/unknown field "path"/);
    expect(refusal([]).code).toBe(BAD_REQUEST);
    expect(refusal([{ suggestedName: 'a.png', kind: 'png', data: 'x' }, 'more']).code).toBe(BAD_REQUEST);
  });

  it('refuses more bytes than a native dialog carries with ERR_OBRA_TOO_LARGE', () => {
    const error = refusal([{ suggestedName: 'big.webm', kind: 'webm', data: new Uint8Array(MAX_NATIVE_FILE_BYTES + 1) }]);
    expect(error.code).toBe(TOO_LARGE);
    expect(error.message).toMatch(/257 MiB, more than the 256 MiB/);
  });
});
