/**
 * The API over WebSocket: one authenticated socket per page. Calls are
 * validated (shared/validate.ts) before they reach the lab; every failure is a
 * reply with an ObraErrorShape, and the server lives on. Batches from the lab
 * are pushed to every open socket. Runs started through a socket are stopped
 * when it closes (the page was closed or reloaded), as Electron does on reload.
 */
import type { RawData, WebSocket } from 'ws';
import type { EventBatch, ObraErrorShape, RunInfo } from '../../shared/api';
import { parseRequest, type ApiErrorReply, type ApiResultReply, type BatchPush } from '../../shared/ws-protocol';
import { badRequest, toErrorShape, type ValidCall } from '../../shared/validate';
import { dispatchCall, type LabPort } from './lab-port';

/** Calls one socket may have in flight at once. */
const MAX_PENDING_CALLS = 64;
/** A client that falls this far behind on pushes is cut off rather than held in memory. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export class ApiSockets {
  /** Each open socket and the runs it started that have not ended. */
  private readonly sockets = new Map<WebSocket, Set<string>>();

  constructor(
    private readonly lab: LabPort,
    private readonly log: (line: string) => void,
  ) {}

  get size(): number {
    return this.sockets.size;
  }

  /** Serve one authenticated socket until it closes. */
  attach(socket: WebSocket): void {
    const runs = new Set<string>();
    let pending = 0;
    this.sockets.set(socket, runs);
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return send(socket, { id: null, error: badRequest('send JSON text frames, not binary') });
      if (pending >= MAX_PENDING_CALLS) return send(socket, { id: null, error: badRequest('too many calls in flight') });
      const parsed = parseRequest(rawText(data));
      if (!parsed.ok) return send(socket, parsed.reply);
      pending++;
      void this.call(parsed.call, socket).then((outcome) => {
        pending--;
        send(socket, 'error' in outcome ? { id: parsed.id, error: outcome.error } : { id: parsed.id, result: outcome.result });
      });
    });
    socket.on('error', (err) => this.log(`obra serve: socket error: ${err.message}`));
    socket.on('close', () => {
      this.sockets.delete(socket);
      for (const runId of runs) this.stopQuietly(runId);
    });
  }

  private stopQuietly(runId: string): void {
    this.lab.stopRun(runId).catch((err: unknown) => this.log(`obra serve: stopping ${runId}: ${toErrorShape(err).message}`));
  }

  /** Push one batch to every open socket (serialised once). */
  push(batch: EventBatch): void {
    if (batch.end) for (const runs of this.sockets.values()) runs.delete(batch.runId);
    if (this.sockets.size === 0) return;
    const message: BatchPush = { type: 'batch', batch };
    const text = JSON.stringify(message);
    for (const socket of this.sockets.keys()) {
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        this.log('obra serve: a client fell too far behind; closing its socket');
        socket.terminate();
        continue;
      }
      if (socket.readyState === socket.OPEN) socket.send(text);
    }
  }

  closeAll(code: number, reason: string): void {
    for (const socket of this.sockets.keys()) socket.close(code, reason);
  }

  private async call(call: ValidCall, socket: WebSocket): Promise<{ result: unknown } | { error: ObraErrorShape }> {
    try {
      const result = await dispatchCall(this.lab, call);
      // Remember this page's runs, to stop them when it goes away (or now, if it already has).
      const runs = this.sockets.get(socket);
      if (call.method === 'startRun') {
        const { runId } = result as RunInfo;
        if (runs) runs.add(runId);
        else this.stopQuietly(runId);
      }
      if (call.method === 'stopRun') runs?.delete(call.params[0]);
      return { result };
    } catch (err) {
      return { error: toErrorShape(err) };
    }
  }
}

function send(socket: WebSocket, reply: ApiResultReply | ApiErrorReply): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
