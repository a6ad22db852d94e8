import { z } from 'zod';

/**
 * Every error that crosses a process boundary carries one of these codes.
 * The renderer and the CLI branch on the code; the message is for people.
 */
export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION',
  /** The profile store exists but is damaged or cannot be decrypted; a copy was set aside. */
  'STORE_UNREADABLE',
  /** The profile store was written by a newer Roledeck; it is left untouched. */
  'STORE_NEWER_VERSION',
  'AWS_ERROR',
  /** The person cancelled an MFA prompt (or it timed out); every caller waiting on it gets this. */
  'MFA_CANCELLED',
  /** An MFA code is needed and nobody can be asked here (a background refresh, no terminal). */
  'MFA_REQUIRED',
  /** No system clipboard can be reached here (no display, no clipboard tool): nothing was copied. */
  'CLIPBOARD_UNAVAILABLE',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const IpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /**
   * The request field the refusal is about, as a path (`roleName`, `durationSeconds`), when it is
   * about one: a form marks that field and puts the message next to it.
   */
  field: z.string().optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** What every channel call resolves to: errors travel as data, never as thrown exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/**
 * The domain error every service throws for a failure the user can act on.
 * `message` must say what happened and what to do next, and must never hold a secret.
 */
export class RoledeckError extends Error {
  readonly code: ErrorCode;
  /** The request field the error is about (IpcError.field), if one. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; field?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RoledeckError';
    this.code = code;
    this.field = options?.field;
  }
}
