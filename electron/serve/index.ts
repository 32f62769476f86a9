/**
 * `obra serve`: the renderer and the shared API for any browser, on 127.0.0.1
 * only. HTTP serves the built renderer (out/renderer); a WebSocket at /api
 * carries the API (shared/ws-protocol.ts). A random token in the printed URL
 * is the key to both; see access.ts for the rules.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { MAX_REQUEST_BYTES } from '../../shared/api';
import { TOKEN_PARAM, WS_PATH } from '../../shared/ws-protocol';
import { checkHostAndOrigin, makeAccessKeys, sameSecret } from './access';
import { ApiSockets } from './api-socket';
import { createHttpHandler } from './http-handler';
import type { LabPort } from './lab-port';
import { openInBrowser } from './open-browser';

export interface ServeOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Open the page in a browser window (Chromium app mode when installed). */
  open?: boolean;
  /** A lab to serve; absent: the server makes one and shuts it down on close. */
  lab?: LabPort;
  /** The built renderer; default <package root>/out/renderer. */
  rendererDir?: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/?token=T — the page to open. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Pages (sockets) served at once; more is a sign of something looping. */
const MAX_SOCKETS = 32;

export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? (() => {});
  const ownsLab = opts.lab === undefined;
  const lab = opts.lab ?? (await makeLab());
  const keys = makeAccessKeys();
  const rendererDir = opts.rendererDir ?? path.join(findPackageRoot(__dirname), 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    log(`obra serve: ${rendererDir} has no index.html; run \`npm run build\` first. The API still answers.`);
  }

  const httpServer = createServer();
  const sockets = new ApiSockets(lab, log);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });
  const port = await listen(httpServer, opts.port ?? 0);
  const origin = `http://${HOST}:${port}`;
  httpServer.on('request', createHttpHandler({ rendererDir, origin, port, keys, log }));
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const status = upgradeRefusal(req, origin, keys.token, sockets.size);
    if (status !== null) return refuseUpgrade(socket, status);
    wss.handleUpgrade(req, socket, head, (ws) => sockets.attach(ws));
  });
  const unsubscribe = lab.subscribe((batch) => sockets.push(batch));

  const url = `${origin}/?${TOKEN_PARAM}=${keys.token}`;
  if (opts.open) openInBrowser(url, log);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      unsubscribe();
      sockets.closeAll(1001, 'server closing');
      wss.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      if (ownsLab) await lab.shutdown();
    })();
    return closing;
  };
  return { url, token: keys.token, port, close };
}

/** Close the server on SIGINT/SIGTERM, then exit. For the command-line entries, not for tests. */
export function closeOnSignals(server: Pick<RunningServer, 'close'>, log: (line: string) => void = () => {}): void {
  const stop = (signal: NodeJS.Signals): void => {
    log(`obra serve: ${signal}, stopping every run and closing.`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`obra serve: closing failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Why an upgrade is refused (HTTP status), or null to accept it. */
function upgradeRefusal(req: IncomingMessage, origin: string, token: string, openSockets: number): number | null {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname !== WS_PATH) return 404;
  if (checkHostAndOrigin(req, origin, { originRequired: true }) !== 'ok') return 403;
  if (!sameSecret(url.searchParams.get(TOKEN_PARAM), token)) return 401;
  if (openSockets >= MAX_SOCKETS) return 503;
  return null;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('obra serve: no TCP address'));
      resolve(address.port);
    });
  });
}

async function makeLab(): Promise<LabPort> {
  const { Lab } = await import('../lab/index');
  // Runs follow one another: each finds its site keeper already started.
  return new Lab({ spareKeeper: true });
}

/** The folder holding Obra's package.json, from this file's place in source or build output. */
export function findPackageRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (isObraPackage(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`obra: cannot find the package root above ${from}`);
    dir = parent;
  }
}

function isObraPackage(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'obra';
  } catch {
    return false;
  }
}
