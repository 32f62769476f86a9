/**
 * The one-line reasons for the failures that cannot be made on 127.0.0.1
 * (a name that does not resolve, a timeout, an untrusted certificate, a full
 * disk): from the code and message the download reporter passes on, and the
 * installer's own error output. The ones that can be made are in install.test.ts.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { installFailureReason } = require('./install-failure.cjs') as typeof import('./install-failure.cjs');

const ZIP_URL = 'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip';
const fetchFailed = (code: string, message: string) => installFailureReason({ failedFetch: { url: ZIP_URL, code, message }, stderr: 'TypeError: fetch failed', exitCode: 1, signal: null });
const installerSaid = (stderr: string) => installFailureReason({ stderr, exitCode: 1, signal: null });

describe('why the download failed, in one line with its code', () => {
  it('an offline machine: the name does not resolve', () => {
    expect(fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND github.com')).toBe("Electron's download could not reach github.com: this machine looks offline (ENOTFOUND)");
    expect(fetchFailed('EAI_AGAIN', 'getaddrinfo EAI_AGAIN github.com')).toBe("Electron's download could not reach github.com: this machine looks offline (EAI_AGAIN)");
    expect(fetchFailed('ENETUNREACH', 'connect ENETUNREACH 140.82.121.4:443')).toMatch(/looks offline \(ENETUNREACH\)$/);
  });

  it('a timeout, a cut connection', () => {
    expect(fetchFailed('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error')).toBe("Electron's download timed out waiting for github.com (UND_ERR_CONNECT_TIMEOUT)");
    expect(fetchFailed('ECONNRESET', 'read ECONNRESET')).toBe("Electron's download from github.com was cut off (ECONNRESET)");
  });

  it('a proxy that inspects TLS with its own certificate', () => {
    expect(fetchFailed('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain')).toBe(
      "Electron's download does not trust github.com's certificate; behind a proxy that inspects TLS, set NODE_EXTRA_CA_CERTS to its certificate file (SELF_SIGNED_CERT_IN_CHAIN)",
    );
    expect(fetchFailed('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate')).toMatch(/NODE_EXTRA_CA_CERTS .*\(UNABLE_TO_GET_ISSUER_CERT_LOCALLY\)$/);
  });

  it('a proxy that wants something else than credentials', () => {
    expect(fetchFailed('UND_ERR_ABORTED', 'Proxy response (403) !== 200 when HTTP Tunneling')).toBe("the proxy refused Electron's download with HTTP 403 (UND_ERR_ABORTED)");
  });

  it('anything else keeps the cause and its code', () => {
    expect(fetchFailed('EPROTO', 'write EPROTO wrong version number')).toBe("Electron's download from github.com failed: write EPROTO wrong version number (EPROTO)");
  });
});

describe("why the installer failed, from its own output", () => {
  it('a folder it cannot write', () => {
    const stderr = "Error: EACCES: permission denied, mkdir '/home/ana/.cache/electron/1a2b'\n    at async mkdir (node:internal/fs/promises:858:10)";
    expect(installerSaid(stderr)).toBe("Electron's installer could not write its files: Error: EACCES: permission denied, mkdir '/home/ana/.cache/electron/1a2b' (EACCES)");
  });

  it('a full disk', () => {
    expect(installerSaid('Error: ENOSPC: no space left on device, write')).toMatch(/could not write its files: .*\(ENOSPC\)$/);
  });

  it('a platform and arch Electron 44+ no longer builds', () => {
    const stderr = 'Error: Electron 45.5.0 does not have a published linux/armv7l artifact. Electron 44 and newer no longer publish …';
    expect(installerSaid(stderr)).toBe('Electron publishes no build of this version for linux/armv7l (ERR_OBRA_ELECTRON_PLATFORM)');
  });

  it('anything else: its first error line and how it ended', () => {
    expect(installFailureReason({ stderr: 'RangeError: something odd\n    at x (install.js:1:1)', exitCode: null, signal: 'SIGKILL' })).toBe(
      "Electron's installer failed: RangeError: something odd (stopped by SIGKILL, ERR_OBRA_ELECTRON_INSTALL)",
    );
    expect(installerSaid('')).toBe("Electron's installer failed (exit code 1, ERR_OBRA_ELECTRON_INSTALL)");
  });
});
