// @ts-check
/**
 * Why Electron's installer failed, in one line that ends with Node's own code
 * (ENOTFOUND, ECONNREFUSED…) or one of ours (ERR_OBRA_*): from what the
 * download reporter saw (the failing fetch's cause, an HTTP status) and from
 * the installer's own error output.
 */

const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);
const CUT = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TIMED_OUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const UNTRUSTED_CERT = /^(CERT_|UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_CERT)/;
const WRITE_CODES = /\b(EACCES|EPERM|ENOSPC|EROFS|EDQUOT|EMFILE|EBUSY)\b/;

/**
 * @typedef {object} InstallFailure
 * @property {{ url: string, code?: string, message: string }} [failedFetch] The fetch that failed, and its cause.
 * @property {{ url: string, status: number }} [httpError] A response with status ≥ 400.
 * @property {{ ms: number, url?: string }} [stalled] Set when the launcher stopped a download that sent nothing for `ms`.
 * @property {string} stderr The installer's error output (its tail).
 * @property {number | null} exitCode
 * @property {string | null} signal
 */

/** @param {string} url */
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** @param {string} url */
function fileOf(url) {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  } catch {
    return url;
  }
}

/** @param {{ url: string, code?: string, message: string }} failed */
function fetchFailureReason(failed) {
  const host = hostOf(failed.url);
  const code = failed.code ?? 'ERR_OBRA_DOWNLOAD';
  const proxy = /Proxy response \((\d{3})\)/i.exec(failed.message);
  if (proxy) {
    const status = Number(proxy[1]);
    const credentials = status === 407 ? ', it wants a user and password (give them in HTTPS_PROXY as http://user:password@host:port)' : '';
    return `the proxy refused Electron's download with HTTP ${status}${credentials} (${code})`;
  }
  if (OFFLINE.has(code)) return `Electron's download could not reach ${host}: this machine looks offline (${code})`;
  if (code === 'ECONNREFUSED') return `Electron's download was refused by ${host} (${code})`;
  if (CUT.has(code)) return `Electron's download from ${host} was cut off (${code})`;
  if (TIMED_OUT.has(code)) return `Electron's download timed out waiting for ${host} (${code})`;
  if (UNTRUSTED_CERT.test(code)) {
    return `Electron's download does not trust ${host}'s certificate; behind a proxy that inspects TLS, set NODE_EXTRA_CA_CERTS to its certificate file (${code})`;
  }
  return `Electron's download from ${host} failed: ${failed.message} (${code})`;
}

/**
 * The first line of the installer's output that names an error, without the stack.
 * @param {string} stderr
 */
function errorLine(stderr) {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim());
  return lines.find((l) => /^([A-Z]\w*)?Error\b|^Error \[/.test(l)) ?? lines.find((l) => l.length > 0 && !l.startsWith('at ')) ?? '';
}

/**
 * @param {InstallFailure} f
 * @returns {string}
 */
function installFailureReason(f) {
  if (f.stalled) {
    const from = f.stalled.url ? ` from ${hostOf(f.stalled.url)}` : '';
    return `Electron's download stalled: nothing arrived${from} for ${Math.round(f.stalled.ms / 1000)} s (ERR_OBRA_DOWNLOAD_STALLED)`;
  }
  if (f.failedFetch) return fetchFailureReason(f.failedFetch);
  if (f.httpError) {
    const { url, status } = f.httpError;
    const missing = status === 404 ? ': there is no such file there (check ELECTRON_MIRROR / ELECTRON_CUSTOM_DIR if you set them)' : '';
    return `${hostOf(url)} answered HTTP ${status} for ${fileOf(url)}${missing} (ERR_OBRA_DOWNLOAD_HTTP)`;
  }
  const platform = /Electron builds are not available on platform: ([\w.-]+)/.exec(f.stderr);
  if (platform) return `Electron publishes no build for ${platform[1]} (ERR_OBRA_ELECTRON_PLATFORM)`;
  const artifact = /does not have a published (\S+) artifact/.exec(f.stderr);
  if (artifact) return `Electron publishes no build of this version for ${artifact[1]} (ERR_OBRA_ELECTRON_PLATFORM)`;
  const checksum = /checksum for "?([^"\s]+)"? did not match|No checksum found in checksum file for "?([^"\s]+)"?/i.exec(f.stderr);
  if (checksum) return `the downloaded ${checksum[1] ?? checksum[2]} does not match its checksum (ERR_OBRA_DOWNLOAD_CHECKSUM)`;
  if (/ERR_REQUIRE_ESM|ERR_REQUIRE_ASYNC_MODULE/.test(f.stderr)) {
    const code = /ERR_REQUIRE_\w+/.exec(f.stderr)?.[0];
    return `this Node (${process.version}) cannot load Electron's installer (${code})`;
  }
  const line = errorLine(f.stderr);
  const written = WRITE_CODES.exec(line);
  if (written) return `Electron's installer could not write its files: ${line} (${written[1]})`;
  const ending = f.signal ? `stopped by ${f.signal}` : `exit code ${f.exitCode}`;
  return `Electron's installer failed${line ? `: ${line}` : ''} (${ending}, ERR_OBRA_ELECTRON_INSTALL)`;
}

module.exports = { installFailureReason };
