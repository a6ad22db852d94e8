import type { Clock } from '../../../shared/ports/clock';
import type { AuditTrail } from '../../../shared/ports/audit-log';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import { AuditService } from './audit.service';
import { MigratingAuditTrail } from './audit-migration';
import { JsonlAuditLog } from './jsonl.audit-log';

/** The production audit log of a host whose data folder is `home` (app, browser preview, CLI). */
export function auditTrailIn(home: string, store: DocumentStore, logger: Logger): AuditTrail {
  return new MigratingAuditTrail(new JsonlAuditLog({ home }), store, logger);
}

/** The Audit view's service over the host's audit log (Shared.audit). */
export function createAudit(ports: { clock: Clock }, shared: { audit: AuditTrail }): AuditService {
  return new AuditService({ trail: shared.audit, clock: ports.clock });
}
