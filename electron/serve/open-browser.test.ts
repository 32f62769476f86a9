import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExecutable, hasDisplay } from './open-browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'obra-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finding a browser', () => {
  it('takes the first executable of the given names on PATH, skipping plain files', () => {
    writeFileSync(path.join(dir, 'chromium'), 'not executable');
    writeFileSync(path.join(dir, 'google-chrome'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'google-chrome'), 0o755);
    expect(findExecutable(['chromium', 'google-chrome'], `/nonexistent${path.delimiter}${dir}`)).toBe(path.join(dir, 'google-chrome'));
    expect(findExecutable(['no-such-browser'], dir)).toBeNull();
  });

  it('needs a display on Linux, never elsewhere', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':99' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});
