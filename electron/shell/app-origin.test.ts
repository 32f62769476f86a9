import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts our own page and its hash routes', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('obra://app/index.html#demo=fork')).toBe(true);
  });

  it('refuses other hosts, schemes and look-alikes', () => {
    for (const url of ['obra://evil/index.html', 'file:///srv/app/out/renderer/index.html', 'https://app/', 'obra://app.evil.com/', 'about:blank', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('accepts the dev server only when it is given, and only on loopback', () => {
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://example.com/', 'http://example.com')).toBe(false);
  });
});
