import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkHostAndOrigin, makeAccessKeys, readCookie, sameSecret } from './access';

const ORIGIN = 'http://127.0.0.1:4321';
const request = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

describe('access keys', () => {
  it('are 24 random bytes, base64url, and different each time', () => {
    const a = makeAccessKeys();
    const b = makeAccessKeys();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.token).not.toBe(a.assetKey);
  });

  it('match only exactly', () => {
    const { token } = makeAccessKeys();
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(token.slice(0, -1), token)).toBe(false);
    expect(sameSecret(`${token}x`, token)).toBe(false);
    expect(sameSecret(null, token)).toBe(false);
    expect(sameSecret('', token)).toBe(false);
  });
});

describe('checkHostAndOrigin', () => {
  it('accepts our Host with our Origin, or with none where none is required', () => {
    expect(checkHostAndOrigin(request({ host: '127.0.0.1:4321', origin: ORIGIN }), ORIGIN, { originRequired: true })).toBe('ok');
    expect(checkHostAndOrigin(request({ host: '127.0.0.1:4321' }), ORIGIN, { originRequired: false })).toBe('ok');
  });

  it('forbids other Origins, a missing required Origin, and rebound Host names', () => {
    expect(checkHostAndOrigin(request({ host: '127.0.0.1:4321', origin: 'http://evil.example' }), ORIGIN, { originRequired: false })).toBe('forbidden');
    expect(checkHostAndOrigin(request({ host: '127.0.0.1:4321', origin: 'http://127.0.0.1:9999' }), ORIGIN, { originRequired: false })).toBe('forbidden');
    expect(checkHostAndOrigin(request({ host: '127.0.0.1:4321' }), ORIGIN, { originRequired: true })).toBe('forbidden');
    expect(checkHostAndOrigin(request({ host: 'evil.example:4321', origin: 'http://evil.example:4321' }), ORIGIN, { originRequired: true })).toBe('forbidden');
  });
});

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; obra_assets_4321=xyz; b=2', 'obra_assets_4321')).toBe('xyz');
    expect(readCookie('obra_assets_43210=xyz', 'obra_assets_4321')).toBeNull();
    expect(readCookie(undefined, 'x')).toBeNull();
  });
});
