// @ts-check
'use strict';
/**
 * What kind of callback the loop is running, from the async resource Node runs it for
 * (`executionAsyncResource()` in async_hooks' `before`): its constructor names it without an
 * `init` hook (docs/PROBE-NOTES.md). Handles live long (a socket, a pipe, an HTTP parser):
 * their kind is worked out once and kept.
 *
 * A pipe is an IPC channel when Node's setupChannel marked it with its serialization state
 * (kJSONBuffer / kMessageBuffer); a child's stdio pipe when the probe saw it made
 * (`markChildStreams`); a write or shutdown that completed later is of its handle's kind.
 *
 * @typedef {import('../../shared/events').TaskKind} TaskKind
 * @typedef {{ kind: TaskKind, label?: string }} Kinded
 */

/** @type {Record<string, TaskKind>} */
const KIND_BY_CONSTRUCTOR = {
  Immediate: 'immediate',
  FSReqPromise: 'fs',
  FileHandle: 'fs',
  FileHandleCloseReq: 'fs',
  FSEvent: 'fs',
  StatWatcher: 'fs',
  TCP: 'net',
  TCPConnectWrap: 'net',
  PipeConnectWrap: 'net',
  UDP: 'net',
  SendWrap: 'net',
  GetAddrInfoReqWrap: 'net',
  GetNameInfoReqWrap: 'net',
  QueryReqWrap: 'net',
  ChannelWrap: 'net',
  TLSWrap: 'net',
  HTTPServerAsyncResource: 'http',
  HTTPClientAsyncResource: 'http',
  Process: 'child',
  MessagePort: 'ipc',
};

/** @type {Record<string, string>} */
const LABEL_BY_CONSTRUCTOR = {
  Immediate: 'setImmediate',
  TCPConnectWrap: 'connect',
  PipeConnectWrap: 'connect',
  GetAddrInfoReqWrap: 'dns.lookup',
  FSEvent: 'fs.watch',
  FSReqPromise: 'fs.promises',
  StatWatcher: 'fs.watchFile',
  MessagePort: 'message',
  Worker: 'Worker exit',
  Signal: 'signal',
  TTY: 'tty',
  Zlib: 'zlib',
};

/** @type {WeakMap<object, Kinded>} */
const handles = new WeakMap();
/** @type {WeakMap<object, Kinded>} the kind of a handle's completed writes, by handle */
const writesDone = new WeakMap();
/** @type {WeakMap<object, Kinded>} the kind of a handle's completed shutdowns, by handle */
const shutdownsDone = new WeakMap();
/** @type {Kinded} */
const WRITE_WITHOUT_HANDLE = Object.freeze({ kind: 'other', label: 'WriteWrap' });
/** @type {Kinded} */
const SHUTDOWN_WITHOUT_HANDLE = Object.freeze({ kind: 'other', label: 'ShutdownWrap' });
/** @type {WeakMap<object, string>} stdio handles of children, with their label */
const childStreams = new WeakMap();

const { AsyncResource } = require('node:async_hooks');

/**
 * Promise jobs, process.nextTick callbacks and queueMicrotask callbacks: they run right after
 * the callback that queued them, and count as part of it.
 * @param {unknown} resource
 */
function isContinuation(resource) {
  if (typeof resource !== 'object' || resource === null) return true;
  if (resource instanceof Promise || resource instanceof AsyncResource) return true;
  const ctor = resource.constructor;
  // A nextTick's TickObject is a plain object holding the callback and its arguments.
  return (ctor === Object || ctor === undefined) && typeof (/** @type {{ callback?: unknown }} */ (resource).callback) === 'function';
}

/**
 * @param {object} resource a resource whose callback is not a continuation
 * @returns {Kinded}
 */
function classify(resource) {
  const name = resource.constructor?.name ?? '';
  if (name === 'Timeout') return timerKind(resource);
  if (name === 'WriteWrap' || name === 'ShutdownWrap') return requestKind(resource, name);
  const known = handles.get(resource);
  if (known) return known;
  const kinded = classifyHandle(resource, name);
  handles.set(resource, kinded);
  return kinded;
}

/**
 * @param {object} resource
 * @param {string} name
 * @returns {Kinded}
 */
function classifyHandle(resource, name) {
  const r = /** @type {Record<string, any>} */ (resource);
  if (name === 'Pipe') return pipeKind(resource);
  if (name === 'FSReqCallback') return fsKind(r.oncomplete);
  if (name === 'ReusedHandle' && r.handle && typeof r.handle === 'object') return { kind: 'net', label: 'data' };
  if (name === 'Process') return { kind: 'child', label: typeof r.pid === 'number' ? `exit ${r.pid}` : 'exit' };
  if (name === 'HTTPClientAsyncResource') return { kind: 'http', label: 'response' };
  if (name === 'HTTPServerAsyncResource') return { kind: 'http', label: 'request' };
  if (name === 'TCP') return { kind: 'net', label: ownerOf(resource)?.constructor?.name === 'Server' ? 'connection' : 'data' };
  const kind = KIND_BY_CONSTRUCTOR[name] ?? 'other';
  const label = LABEL_BY_CONSTRUCTOR[name] ?? (kind === 'other' && name ? name : undefined);
  return label === undefined ? { kind } : { kind, label };
}

/**
 * What makes callbacks one task when they run back to back: the same resource, or for a write
 * or shutdown that completed, the same handle (libuv completes a pipe's queued writes one
 * after another in one turn: a flood of IPC messages completes thousands at a time).
 * @param {object} resource a resource whose callback is not a continuation
 * @returns {object} the resource itself, or the kind kept for its handle's completed writes or shutdowns
 */
function sameTaskKey(resource) {
  const name = resource.constructor?.name;
  return name === 'WriteWrap' || name === 'ShutdownWrap' ? requestKind(resource, name) : resource;
}

/**
 * A write or shutdown that completed later is of its handle's kind. Requests are one-shot (a
 * flood of IPC messages completes 100k writes): their kind is kept per handle, not per request.
 * @param {object} request
 * @param {'WriteWrap' | 'ShutdownWrap'} name
 * @returns {Kinded}
 */
function requestKind(request, name) {
  const handle = /** @type {{ handle?: unknown }} */ (request).handle;
  // An IPC channel's writes (Node's child_process) do not name their handle: one kind for all of them.
  if (!handle || typeof handle !== 'object') return name === 'WriteWrap' ? WRITE_WITHOUT_HANDLE : SHUTDOWN_WITHOUT_HANDLE;
  const done = name === 'WriteWrap' ? writesDone : shutdownsDone;
  let kinded = done.get(handle);
  if (!kinded) {
    kinded = { kind: classify(handle).kind, label: name === 'WriteWrap' ? 'write done' : 'shutdown' };
    done.set(handle, kinded);
  }
  return kinded;
}

/**
 * A file system request's callback: Node's own steps of fs.readFile are named
 * (`readFileAfterRead`); other callbacks are the program's, unnamed here.
 * @param {unknown} oncomplete
 * @returns {Kinded}
 */
function fsKind(oncomplete) {
  const step = typeof oncomplete === 'function' ? /^(\w+?)After(\w+)$/.exec(oncomplete.name) : null;
  return step ? { kind: 'fs', label: `fs.${step[1]}: ${step[2].toLowerCase()}` } : { kind: 'fs' };
}

/**
 * @param {object} timer
 * @returns {Kinded}
 */
function timerKind(timer) {
  const t = /** @type {{ _repeat?: unknown, _idleTimeout?: unknown }} */ (timer);
  if (typeof t._repeat === 'number') return { kind: 'timer', label: `setInterval ${t._repeat} ms` };
  return { kind: 'timer', label: typeof t._idleTimeout === 'number' ? `setTimeout ${t._idleTimeout} ms` : 'setTimeout' };
}

/**
 * @param {object} pipe
 * @returns {Kinded}
 */
function pipeKind(pipe) {
  const marks = Object.getOwnPropertySymbols(pipe).map((s) => s.description);
  if (marks.includes('kJSONBuffer') || marks.includes('kMessageBuffer')) return { kind: 'ipc', label: 'message' };
  const child = childStreams.get(pipe);
  if (child) return { kind: 'child', label: child };
  const owner = ownerOf(pipe);
  if (owner === process.stdin) return { kind: 'other', label: 'stdin' };
  if (owner === process.stdout || owner === process.stderr) return { kind: 'other', label: owner === process.stdout ? 'stdout' : 'stderr' };
  return { kind: 'net', label: owner?.constructor?.name === 'Server' ? 'connection' : 'data' };
}

/**
 * The stream or server object Node keeps a handle for (its `owner_symbol`).
 * @param {object} handle
 * @returns {any}
 */
function ownerOf(handle) {
  const key = Object.getOwnPropertySymbols(handle).find((s) => s.description === 'owner_symbol');
  return key ? /** @type {Record<symbol, unknown>} */ (handle)[key] : undefined;
}

/**
 * A child's stdio pipes, once spawned: what the loop reads from them is the child's.
 * @param {import('node:child_process').ChildProcess} child
 */
function markChildStreams(child) {
  const pid = child.pid ?? '';
  for (const [name, stream] of /** @type {const} */ ([['stdout', child.stdout], ['stderr', child.stderr], ['stdin', child.stdin]])) {
    const handle = /** @type {{ _handle?: unknown } | null} */ (stream)?._handle;
    if (handle && typeof handle === 'object') childStreams.set(handle, `${name} ${pid}`.trim());
  }
}

module.exports = { classify, sameTaskKey, isContinuation, markChildStreams };
