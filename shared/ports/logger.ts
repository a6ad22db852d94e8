/**
 * Structured logging. Implementations redact every field before it is written: callers may
 * pass errors from AWS or the keychain without checking them for secrets first.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
