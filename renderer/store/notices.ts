import type { ObraErrorShape } from '../../shared/api';

/** A failure the user sees in the banner: Node's code (or ERR_OBRA_*) and its message. */
export interface Notice extends ObraErrorShape {
  id: number;
}

let nextId = 1;

/** Any rejection from the API (an ObraErrorShape across the transport, or an Error) as a notice. */
export function noticeOf(error: unknown): Notice {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as Partial<ObraErrorShape>;
    return {
      id: nextId++,
      code: typeof code === 'string' && code ? code : 'ERR_OBRA_UNEXPECTED',
      message: typeof message === 'string' && message ? message : String(error),
    };
  }
  return { id: nextId++, code: 'ERR_OBRA_UNEXPECTED', message: String(error) };
}

/** A notice the renderer raises itself (e.g. a dropped file that is not a script). */
export function localNotice(code: string, message: string): Notice {
  return { id: nextId++, code, message };
}
