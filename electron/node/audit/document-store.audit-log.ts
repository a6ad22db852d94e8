import { HISTORY_LIMIT, HISTORY_TEXT_LIMIT, type HistoryEntry } from '../../../shared/domain/store-document';
import type { AuditEntry, AuditLog, AuditQuery } from '../../../shared/ports/audit-log';
import type { DocumentStore } from '../../../shared/ports/document-store';

function clip(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.slice(0, HISTORY_TEXT_LIMIT);
}

function stored(entry: AuditEntry): HistoryEntry {
  const customer = clip(entry.customer);
  const identity = clip(entry.identity);
  const detail = clip(entry.detail);
  return {
    at: entry.at,
    action: entry.action,
    ...(entry.profileId !== undefined ? { profileId: entry.profileId } : {}),
    ...(customer !== undefined ? { customer } : {}),
    ...(identity !== undefined ? { identity } : {}),
    result: entry.result,
    ...(detail !== undefined ? { detail } : {}),
  };
}

function fromStored(entry: HistoryEntry): AuditEntry {
  return {
    at: entry.at,
    action: entry.action,
    ...(entry.profileId !== undefined ? { profileId: entry.profileId } : {}),
    ...(entry.customer !== undefined ? { customer: entry.customer } : {}),
    ...(entry.identity !== undefined ? { identity: entry.identity } : {}),
    result: entry.result ?? 'ok',
    ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
  };
}

function matches(entry: AuditEntry, query: AuditQuery): boolean {
  return (
    (query.profileId === undefined || entry.profileId === query.profileId) &&
    (query.action === undefined || entry.action === query.action) &&
    (query.since === undefined || entry.at >= query.since)
  );
}

/**
 * The audit log kept in the encrypted profile store's `history`, where Roledeck has always kept
 * it: encrypted with the profiles, written under the same cross-process lock, so the app and the
 * CLI append without losing each other's entries. Only the newest HISTORY_LIMIT entries are kept
 * (the store trims on every write).
 */
export class DocumentStoreAuditLog implements AuditLog {
  constructor(private readonly store: DocumentStore) {}

  async append(...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.store.update((doc) => {
      doc.history.push(...entries.map(stored));
      if (doc.history.length > HISTORY_LIMIT) doc.history.splice(0, doc.history.length - HISTORY_LIMIT);
    });
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const found = (await this.store.read()).history.map(fromStored).filter((entry) => matches(entry, query));
    return query.limit === undefined ? found : found.slice(Math.max(0, found.length - query.limit));
  }
}
