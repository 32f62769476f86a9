/**
 * The shared API over the browser transport's WebSocket (`obra serve`,
 * shared/ws-protocol.ts). Connects on first use, answers each call from its
 * reply, hands pushed batches to subscribers, and reconnects while anyone is
 * subscribed. Calls in flight when the socket drops reject with
 * ERR_OBRA_DISCONNECTED (the server stops a closed page's runs).
 */
import { MAX_REQUEST_BYTES, type EventBatch, type ObraApi, type ObraErrorShape } from '../../shared/api';
import { errorFromShape, TOO_LARGE } from '../../shared/validate';
import { isBatchPush, isErrorReply, parseServerMessage, type ApiRequest } from '../../shared/ws-protocol';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WsApiOptions {
  /** Told whenever the socket opens or drops (e.g. to show "disconnected"). */
  onState?: (state: ConnectionState) => void;
  /** First reconnect delay; doubles up to 10 s. */
  retryMs?: number;
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(reason: Error): void;
}

export interface WsApi extends ObraApi {
  /** Close the socket for good (tests, page unload). */
  close(): void;
}

export function createWsApi(url: string, opts: WsApiOptions = {}): WsApi {
  const pending = new Map<number, PendingCall>();
  const listeners = new Set<(batch: EventBatch) => void>();
  const firstRetryMs = opts.retryMs ?? 500;
  let retryMs = firstRetryMs;
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let closedForGood = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function connect(): Promise<WebSocket> {
    if (opened) return opened;
    opts.onState?.('connecting');
    opened = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        retryMs = firstRetryMs;
        opts.onState?.('open');
        resolve(ws);
      };
      ws.onmessage = (event: MessageEvent) => receive(event.data);
      ws.onclose = () => {
        socket = null;
        opened = null;
        opts.onState?.('closed');
        const reason = disconnected();
        reject(reason);
        for (const call of pending.values()) call.reject(reason);
        pending.clear();
        scheduleReconnect();
      };
    });
    // A failed connection is reported through the calls waiting on it.
    opened.catch(() => {});
    return opened;
  }

  function scheduleReconnect(): void {
    if (closedForGood || listeners.size === 0 || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    const message = parseServerMessage(data);
    if (!message) return;
    if (isBatchPush(message)) {
      for (const listener of listeners) listener(message.batch);
      return;
    }
    if (message.id === null) return;
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (isErrorReply(message)) call.reject(errorFromShape(message.error));
    else call.resolve(message.result);
  }

  async function invoke<T>(method: ApiRequest['method'], params: unknown[]): Promise<T> {
    if (closedForGood) throw disconnected();
    const id = nextId++;
    const text = JSON.stringify({ id, method, params } satisfies ApiRequest);
    // The server closes a socket that sends more (1009): a call that big is refused here, with its reason, instead.
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > MAX_REQUEST_BYTES) throw errorFromShape({ code: TOO_LARGE, message: `this request holds ${bytes} bytes, more than the ${MAX_REQUEST_BYTES} one message to obra serve carries: open fewer or smaller files` });
    const ws = await connect();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      ws.send(text);
    });
  }

  return {
    listDemos: () => invoke('listDemos', []),
    readDemo: (id) => invoke('readDemo', [id]),
    startRun: (req) => invoke('startRun', [req]),
    stopRun: async (runId) => {
      await invoke<null>('stopRun', [runId]);
    },
    subscribe(listener) {
      listeners.add(listener);
      void connect();
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      closedForGood = true;
      if (retryTimer) clearTimeout(retryTimer);
      socket?.close(1000, 'page closing');
    },
  };
}

function disconnected(): Error & ObraErrorShape {
  return errorFromShape({ code: 'ERR_OBRA_DISCONNECTED', message: 'The connection to Obra was lost; is `obra serve` still running?' });
}

/**
 * The API socket's address for a page served by `obra serve`
 * (http://127.0.0.1:PORT/?token=T → ws://127.0.0.1:PORT/api?token=T), or null
 * when the page's URL carries no token.
 */
export function apiSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string | null {
  const token = new URLSearchParams(location.search).get('token');
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api?token=${encodeURIComponent(token)}`;
}
