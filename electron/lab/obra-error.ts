/**
 * The one error type the lab throws or rejects with. `code` is Node's own
 * (`ENOENT`, `EISDIR`, `EACCES`…) when Node produced the failure, or one of
 * ours (`ERR_OBRA_*`). Transports carry it as `{ code, message }`.
 */
import type { ObraErrorShape } from '../../shared/api';

export class ObraError extends Error implements ObraErrorShape {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ObraError';
    this.code = code;
  }

  /** Wrap any thrown value, keeping Node's code and message verbatim. */
  static from(err: unknown, fallbackCode = 'ERR_OBRA_INTERNAL'): ObraError {
    if (err instanceof ObraError) return err;
    const e = err as NodeJS.ErrnoException | undefined;
    const code = typeof e?.code === 'string' ? e.code : fallbackCode;
    const message = typeof e?.message === 'string' ? e.message : String(err);
    return new ObraError(code, message, { cause: err });
  }

  toJSON(): ObraErrorShape {
    return { code: this.code, message: this.message };
  }
}
