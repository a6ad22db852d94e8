import type { Logger } from '../../shared/ports/logger';
import { StreamLogger } from '../../electron/node/log/console.logger';

/** The real redacting logger writing into an array, so tests can assert what would be logged. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: new StreamLogger((line) => lines.push(line), 'debug'), lines };
}
