import type { ChainReport } from '../../../shared/logic/audit-chain';
import type { AuditEntry, AuditQuery, AuditTrail } from '../../../shared/ports/audit-log';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import { fromStored } from './document-store.audit-log';

/**
 * The audit log file, with the entries Roledeck kept in the store document before it moved there
 * once, on first use: appended to the file (oldest first, their own times) and cleared from the
 * store in the same locked store update, so two processes never move them twice. Deploy history
 * keeps working: it reads `list({ profileId })`, which waits for the move. A move that fails (the
 * keychain is locked, the store unreadable) is logged and tried again on the next use; the file
 * works meanwhile.
 */
export class MigratingAuditTrail implements AuditTrail {
  private moved: Promise<void> | undefined;

  constructor(
    private readonly file: AuditTrail,
    private readonly store: DocumentStore,
    private readonly logger: Logger,
  ) {}

  private ready(): Promise<void> {
    this.moved ??= this.moveStoreHistory().catch((error: unknown) => {
      this.logger.warn('could not move the earlier history into the audit log; trying again on next use', { error });
      this.moved = undefined;
    });
    return this.moved;
  }

  private async moveStoreHistory(): Promise<void> {
    if ((await this.store.read()).history.length === 0) return;
    await this.store.update(async (document) => {
      if (document.history.length === 0) return;
      await this.file.append(...document.history.map(fromStored));
      document.history.splice(0);
    });
  }

  async append(...entries: AuditEntry[]): Promise<void> {
    await this.ready();
    await this.file.append(...entries);
  }

  async list(query?: AuditQuery): Promise<AuditEntry[]> {
    await this.ready();
    return this.file.list(query);
  }

  async verify(): Promise<ChainReport> {
    await this.ready();
    return this.file.verify();
  }
}
