/**
 * The Content-Security-Policy both shells send with the renderer's page: the
 * browser transport as an HTTP header, the Electron shell from its `obra://`
 * protocol handler. A header rather than a <meta> tag because the browser
 * transport's WebSocket address (its port) is only known at run time.
 *
 * No inline scripts or styles, no eval, no plugins, no framing, no <base>, and the only
 * place the page may connect to is its own origin (plus, in the browser, the
 * API socket on the same 127.0.0.1 port).
 */
export function contentSecurityPolicy(opts: { connectSrc?: string[] } = {}): string {
  const connect = ["'self'", ...(opts.connectSrc ?? [])].join(' ');
  return [
    "default-src 'self'",
    `connect-src ${connect}`,
    "script-src 'self'",
    // No inline <style> or style="" in markup: React's style props go through
    // the CSSOM, which CSP allows. tests/e2e/transport-csp.spec.ts fails on any
    // violation while the real renderer runs a demo.
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
