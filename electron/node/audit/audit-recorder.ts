import { auditEntry, type AuditOutcome, type AuditSubject } from '../../../shared/logic/audit-entry';
import type { AuditLog } from '../../../shared/ports/audit-log';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import { recordAudit } from './record-audit';

/**
 * What services hold to record an action: the entry is made by `auditEntry` (one shape for every
 * call site) and appended with recordAudit (a log that cannot be written never fails the action).
 */
export class AuditRecorder {
  constructor(private readonly deps: { audit: AuditLog; clock: Clock; logger: Logger }) {}

  record(action: string, subject: AuditSubject | undefined, outcome: AuditOutcome = {}): Promise<void> {
    return recordAudit(this.deps.audit, this.deps.logger, auditEntry(action, this.deps.clock.now(), subject, outcome));
  }

  /** Runs `work` and records how it ended: its value described by `describe`, or its failure; rethrows. */
  async outcomeOf<T>(action: string, subject: AuditSubject | undefined, work: () => Promise<T>, describe?: (value: T) => AuditOutcome): Promise<T> {
    let value: T;
    try {
      value = await work();
    } catch (error) {
      await this.record(action, subject, { error });
      throw error;
    }
    await this.record(action, subject, describe?.(value) ?? {});
    return value;
  }
}
