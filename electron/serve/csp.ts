/**
 * The Content-Security-Policy both shells send with the renderer's page: the
 * browser transport as an HTTP header, the Electron shell from its `obra://`
 * protocol handler. A header rather than a <meta> tag because the browser
 * transport's WebSocket address (its port) is only known at run time.
 *
 * No inline scripts, no eval, no plugins, no framing, no <base>, and the only
 * place the page may connect to is its own origin (plus, in the browser, the
 * API socket on the same 127.0.0.1 port).
 */
export function contentSecurityPolicy(opts: { connectSrc?: string[] } = {}): string {
  const connect = ["'self'", ...(opts.connectSrc ?? [])].join(' ');
  return [
    "default-src 'self'",
    `connect-src ${connect}`,
    "script-src 'self'",
    // React writes style attributes and the stage's SVG may carry inline style;
    // styles cannot run code, scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
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
