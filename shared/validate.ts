/**
 * Argument validation for every API method, shared by both transports: the
 * Electron IPC handlers (electron/shell) and the WebSocket server
 * (electron/serve). Whatever the renderer sends is untrusted until it passes
 * here; anything unknown or malformed becomes an ERR_OBRA_BAD_REQUEST.
 *
 * Pure TypeScript: no Node or DOM imports.
 */
import {
  API_METHODS,
  isLang,
  MAX_NATIVE_FILE_BYTES,
  SAVE_KINDS,
  type ApiMethod,
  type Lang,
  type ObraApi,
  type ObraErrorShape,
  type SaveFileRequest,
  type SaveKind,
} from './api';
import { badRequest, DEMO_ID, describe, isFileName, isPlainObject, runRequestProblem } from './run-request-check';

export { BAD_REQUEST, badRequest, isFileName } from './run-request-check';
/** A file bigger than the native dialogs carry (MAX_NATIVE_FILE_BYTES). */
export const TOO_LARGE = 'ERR_OBRA_TOO_LARGE';

/** The parameters each request/response method takes, as the API declares them. */
export type ApiParams<M extends ApiMethod> = Parameters<ObraApi[M]>;

/** A call that passed validation: the method and its parameters, typed. */
export type ValidCall = { [M in ApiMethod]: { method: M; params: ApiParams<M> } }[ApiMethod];

export type CallCheck = { ok: true; call: ValidCall } | { ok: false; error: ObraErrorShape };

/** Run ids are made by the lab; letters, digits and a few separators are enough. */
const RUN_ID = /^[\w.:-]{1,128}$/;
/** Whether `method` names a request/response method of the shared API. */
export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && (API_METHODS as readonly string[]).includes(method);
}

/**
 * Check a call before it reaches the lab. `params` must be an array holding
 * exactly the method's arguments, each of the right shape.
 */
export function validateCall(method: unknown, params: unknown): CallCheck {
  if (!isApiMethod(method)) {
    return fail(`unknown method ${describe(method)}`);
  }
  if (!Array.isArray(params)) return fail(`${method}: params must be an array`);
  const problem = paramProblem(method, params);
  if (typeof problem === 'string') return fail(`${method}: ${problem}`);
  if (problem) return { ok: false, error: { code: problem.code, message: `${method}: ${problem.message}` } };
  return { ok: true, call: { method, params } as ValidCall };
}

/** What is wrong with the parameters: a reason (a bad request), an error of its own code, or null. */
function paramProblem(method: ApiMethod, params: unknown[]): string | ObraErrorShape | null {
  switch (method) {
    case 'listDemos':
      return params.length === 0 ? null : 'takes no arguments';
    case 'readDemo':
      if (params.length !== 1) return 'takes one argument (a demo id)';
      return typeof params[0] === 'string' && DEMO_ID.test(params[0]) ? null : 'the demo id must be a short kebab-case name';
    case 'stopRun':
      if (params.length !== 1) return 'takes one argument (a run id)';
      return typeof params[0] === 'string' && RUN_ID.test(params[0]) ? null : 'the run id is not one the lab makes';
    case 'startRun':
      if (params.length !== 1) return 'takes one argument (a run request)';
      return runRequestProblem(params[0]);
  }
}

export function tooLarge(bytes: number, whatToDo = ''): ObraErrorShape {
  const mib = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MiB`;
  return { code: TOO_LARGE, message: `the file is ${mib(bytes)}, more than the ${mib(MAX_NATIVE_FILE_BYTES)} a native dialog carries${whatToDo}` };
}

export type SaveFileCheck = { ok: true; file: SaveFileRequest } | { ok: false; error: ObraErrorShape };

/**
 * Check the arguments of `saveFile` (exactly one { suggestedName, kind, data }).
 * The size is checked here as far as it can be without encoding: a string of
 * more characters than the limit is too large in UTF-8 too; main measures the
 * bytes of a shorter one.
 */
export function validateSaveFile(params: unknown[]): SaveFileCheck {
  if (params.length !== 1 || !isPlainObject(params[0])) return fail('saveFile: takes one argument { suggestedName, kind, data }');
  const file = params[0];
  const extra = Object.keys(file).filter((key) => !['suggestedName', 'kind', 'data', 'lang'].includes(key));
  if (extra.length > 0) return fail(`saveFile: unknown field ${describe(extra[0])}`);
  const { suggestedName, kind, data, lang } = file;
  if (lang !== undefined && !isLang(lang)) return fail('saveFile: lang must be es or en');
  if (!isFileName(suggestedName)) return fail('saveFile: suggestedName must be a plain file name (no folder)');
  if (!(SAVE_KINDS as readonly unknown[]).includes(kind)) return fail(`saveFile: kind must be one of ${SAVE_KINDS.join(', ')}`);
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) return fail('saveFile: data must be a string or a Uint8Array');
  if (data.length > MAX_NATIVE_FILE_BYTES) return { ok: false, error: tooLarge(typeof data === 'string' ? data.length : data.byteLength) };
  return { ok: true, file: { suggestedName, kind: kind as SaveKind, data, ...(lang === undefined ? {} : { lang }) } };
}

export type DialogOptionsCheck = { ok: true; lang: Lang | undefined } | { ok: false; error: ObraErrorShape };

/** Check the arguments of `openRecording` / `pickScript`: none, or one { lang }. */
export function validateDialogOptions(method: string, params: unknown[]): DialogOptionsCheck {
  if (params.length === 0 || (params.length === 1 && params[0] === undefined)) return { ok: true, lang: undefined };
  const options = params[0];
  if (params.length > 1 || !isPlainObject(options)) return fail(`${method}: takes at most one argument { lang }`);
  const extra = Object.keys(options).filter((key) => key !== 'lang');
  if (extra.length > 0) return fail(`${method}: unknown field ${describe(extra[0])}`);
  if (options.lang !== undefined && !isLang(options.lang)) return fail(`${method}: lang must be es or en`);
  return { ok: true, lang: options.lang };
}

function fail(message: string): { ok: false; error: ObraErrorShape } {
  return { ok: false, error: badRequest(message) };
}

/**
 * What crosses a transport when a call fails: Node's `code` (ENOENT…) or one
 * of ours (ERR_OBRA_*), and the message. Anything without a string code is
 * reported as ERR_OBRA_INTERNAL.
 */
export function toErrorShape(err: unknown): ObraErrorShape {
  if (typeof err === 'object' && err !== null) {
    const { code, message } = err as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(err);
    return { code: typeof code === 'string' && code.length > 0 ? code : 'ERR_OBRA_INTERNAL', message: text };
  }
  return { code: 'ERR_OBRA_INTERNAL', message: String(err) };
}

/** Whether `value` has the ObraErrorShape (used by clients reading replies). */
export function isErrorShape(value: unknown): value is ObraErrorShape {
  return isPlainObject(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

/** The Error a client rejects with: `err.code` and `err.message` as the lab gave them. */
export function errorFromShape(shape: ObraErrorShape): Error & ObraErrorShape {
  const err = new Error(shape.message) as Error & ObraErrorShape;
  err.name = 'ObraError';
  err.code = shape.code;
  return err;
}
