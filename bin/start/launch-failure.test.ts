/**
 * Why Electron ended before its window, from Chromium's and the system's own
 * words on stderr: the cases the stand-in Electron does not act out
 * (launch.test.ts has the sandbox abort, root and the rest).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { launchFailure } = require('./launch-failure.cjs') as typeof import('./launch-failure.cjs');

const ended = (stderr: string, exitCode: number | null = 127, signal: string | null = null) =>
  launchFailure({ stderr, exitCode, signal, chromeSandbox: 'node_modules/electron/dist/chrome-sandbox', binary: 'node_modules/electron/dist/electron' });

describe('an Electron that ended before its window', () => {
  it('names a missing system library', () => {
    const failure = ended('node_modules/electron/dist/electron: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory');
    expect(failure).toEqual({
      reason: 'Electron cannot start: the system library libnss3.so is missing (exit code 127, ERR_OBRA_ELECTRON_LIBRARY)',
      hint: ["Install the package that provides libnss3.so with your system's package manager."],
    });
  });

  it('says when there is no display to open a window on', () => {
    expect(ended('[1234:0101/000000.000000:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY', 1).reason).toBe(
      'Electron cannot open a window on this display (exit code 1, ERR_OBRA_NO_DISPLAY)',
    );
  });

  it("knows Chromium's other words for a sandbox it cannot use", () => {
    expect(ended('[1:1:FATAL:zygote_host_impl_linux.cc(127)] No usable sandbox! Update your kernel …', null, 'SIGTRAP').reason).toMatch(/ERR_OBRA_ELECTRON_SANDBOX\)$/);
  });
});
