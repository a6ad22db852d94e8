import type { AUDIT_EXPORT_FORMATS } from '../../../shared/domain/audit';
import type { ChainReport } from '../../../shared/logic/audit-chain';
import { auditCsv, auditJsonl, filterAudit, type AuditFilter } from '../../../shared/logic/audit-export';
import type { AuditEntry, AuditTrail } from '../../../shared/ports/audit-log';
import type { Clock } from '../../../shared/ports/clock';

export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** The Audit view's side of the log: filtered entries, the chain's state, exports as text. */
export class AuditService {
  constructor(private readonly deps: { trail: AuditTrail; clock: Clock }) {}

  async list(filter: AuditFilter): Promise<AuditEntry[]> {
    return filterAudit(await this.deps.trail.list(), filter);
  }

  verify(): Promise<ChainReport> {
    return this.deps.trail.verify();
  }

  async export(format: AuditExportFormat, filter: AuditFilter): Promise<{ fileName: string; mediaType: string; content: string; count: number }> {
    const entries = await this.list(filter);
    const day = new Date(this.deps.clock.now()).toISOString().slice(0, 10);
    return format === 'csv'
      ? { fileName: `roledeck-audit-${day}.csv`, mediaType: 'text/csv', content: auditCsv(entries), count: entries.length }
      : { fileName: `roledeck-audit-${day}.jsonl`, mediaType: 'application/jsonl', content: auditJsonl(entries), count: entries.length };
  }
}
