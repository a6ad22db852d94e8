import type { Logger } from '../../../shared/ports/logger';
import { redactText, redactValue } from '../../../shared/logic/redact';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** JSON lines on a writable stream (stderr by default, so the CLI's stdout stays clean). */
export class StreamLogger implements Logger {
  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
    private readonly minLevel: Level = 'info',
  ) {}

  debug(message: string, fields?: Record<string, unknown>): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.log('error', message, fields);
  }

  private log(level: Level, message: string, fields?: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.minLevel]) return;
    const entry = { time: new Date().toISOString(), level, message: redactText(message), ...(redactValue(fields ?? {}) as object) };
    this.write(`${JSON.stringify(entry)}\n`);
  }
}
