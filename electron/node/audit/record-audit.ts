import type { AuditEntry, AuditLog } from '../../../shared/ports/audit-log';
import type { Logger } from '../../../shared/ports/logger';

/**
 * Appends what was just done to the audit log. The change itself is already saved when this runs,
 * so a log that cannot be written is reported in the app's log and never turns a done change into
 * a reported failure (the user would retry something that happened).
 */
export async function recordAudit(audit: AuditLog, logger: Logger, ...entries: AuditEntry[]): Promise<void> {
  try {
    await audit.append(...entries);
  } catch (error) {
    logger.warn('could not record an action in the history', { actions: entries.map((entry) => entry.action), error });
  }
}
