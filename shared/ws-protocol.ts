/**
 * The browser transport's wire format (`obra serve`): JSON text frames over
 * one WebSocket at ws://127.0.0.1:PORT/api?token=T.
 *
 *   client → server   { id, method, params }            a call of the shared API
 *   server → client   { id, result } | { id, error }    its reply (error: ObraErrorShape)
 *   server → client   { type: 'batch', batch }          a pushed EventBatch, for every run
 *
 * A request the server cannot even read (not JSON, no numeric id) is answered
 * with id null and an ERR_OBRA_BAD_REQUEST; the socket stays open.
 *
 * Pure TypeScript: no Node or DOM imports.
 */
import type { ApiMethod, EventBatch, ObraErrorShape } from './api';
import { badRequest, validateCall, type ValidCall } from './validate';

export const WS_PATH = '/api';
export const TOKEN_PARAM = 'token';

export interface ApiRequest {
  id: number;
  method: ApiMethod;
  params: unknown[];
}

export interface ApiResultReply {
  id: number;
  result: unknown;
}

export interface ApiErrorReply {
  /** null when the request was too broken to carry an id. */
  id: number | null;
  error: ObraErrorShape;
}

export type ApiReply = ApiResultReply | ApiErrorReply;

export interface BatchPush {
  type: 'batch';
  batch: EventBatch;
}

export type ServerMessage = ApiReply | BatchPush;

/** A request that passed validation, with the id to answer to. */
export type ParsedRequest = { ok: true; id: number; call: ValidCall } | { ok: false; reply: ApiErrorReply };

/** Read one client frame: JSON, a safe-integer id, a known method, valid params. */
export function parseRequest(text: string): ParsedRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(null, 'the message is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(null, 'the message must be an object { id, method, params }');
  }
  const { id, method, params } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return refuse(null, 'the message needs a non-negative integer id');
  }
  const extra = Object.keys(value).filter((key) => key !== 'id' && key !== 'method' && key !== 'params');
  if (extra.length > 0) return refuse(id, 'the message may only have id, method and params');
  const check = validateCall(method, params);
  if (!check.ok) return { ok: false, reply: { id, error: check.error } };
  return { ok: true, id, call: check.call };
}

function refuse(id: number | null, message: string): ParsedRequest {
  return { ok: false, reply: { id, error: badRequest(message) } };
}

/**
 * Read one server frame on the client side. Returns null for anything that is
 * not a reply or a batch push (the client ignores it rather than guessing).
 */
export function parseServerMessage(text: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const message = value as Record<string, unknown>;
  if (message.type === 'batch') {
    const batch = message.batch as Record<string, unknown> | null | undefined;
    const isBatch = typeof batch === 'object' && batch !== null && typeof batch.runId === 'string' && Array.isArray(batch.events);
    return isBatch ? (message as unknown as BatchPush) : null;
  }
  const hasId = message.id === null || typeof message.id === 'number';
  if (!hasId) return null;
  if ('error' in message) {
    const error = message.error as Record<string, unknown> | null;
    const isShape = typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
    return isShape ? (message as unknown as ApiErrorReply) : null;
  }
  if ('result' in message && typeof message.id === 'number') return message as unknown as ApiResultReply;
  return null;
}

export function isBatchPush(message: ServerMessage): message is BatchPush {
  return 'type' in message && message.type === 'batch';
}

export function isErrorReply(message: ApiReply): message is ApiErrorReply {
  return 'error' in message;
}
