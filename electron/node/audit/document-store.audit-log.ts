import { HISTORY_LIMIT, HISTORY_TEXT_LIMIT, type HistoryEntry } from '../../../shared/domain/store-document';
import type { ChainReport } from '../../../shared/logic/audit-chain';
import type { AuditEntry, AuditFacts, AuditQuery, AuditTrail } from '../../../shared/ports/audit-log';
import type { DocumentStore } from '../../../shared/ports/document-store';

function clip(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.slice(0, HISTORY_TEXT_LIMIT);
}

function clipFacts(facts: AuditFacts): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(facts).map(([key, value]) => [key, typeof value === 'string' ? value.slice(0, HISTORY_TEXT_LIMIT) : value]));
}

function stored(entry: AuditEntry): HistoryEntry {
  const profileName = clip(entry.profileName);
  const customer = clip(entry.customer);
  const identity = clip(entry.identity);
  const detail = clip(entry.detail);
  return {
    at: entry.at,
    action: entry.action,
    ...(entry.profileId !== undefined ? { profileId: entry.profileId } : {}),
    ...(profileName !== undefined ? { profileName } : {}),
    ...(customer !== undefined ? { customer } : {}),
    ...(identity !== undefined ? { identity } : {}),
    result: entry.result,
    ...(detail !== undefined ? { detail } : {}),
    ...(entry.facts !== undefined ? { facts: clipFacts(entry.facts) } : {}),
  };
}

export function fromStored(entry: HistoryEntry): AuditEntry {
  return {
    at: entry.at,
    action: entry.action,
    ...(entry.profileId !== undefined ? { profileId: entry.profileId } : {}),
    ...(entry.profileName !== undefined ? { profileName: entry.profileName } : {}),
    ...(entry.customer !== undefined ? { customer: entry.customer } : {}),
    ...(entry.identity !== undefined ? { identity: entry.identity } : {}),
    result: entry.result ?? 'ok',
    ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
    ...(entry.facts !== undefined ? { facts: entry.facts } : {}),
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
 * (the store trims on every write). Since the audit log file (jsonl.audit-log.ts) this is where
 * entries written before it are read from once (audit-migration.ts), and what hosts without a data
 * folder (unit tests' fakes) record into.
 */
export class DocumentStoreAuditLog implements AuditTrail {
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

  /**
   * Nothing to chain here: the store is sealed whole with AES-256-GCM, whose tag fails on any change
   * to any entry, so every entry that could be read is verified.
   */
  async verify(): Promise<ChainReport> {
    const entries = (await this.store.read()).history.length;
    return { ok: true, verified: entries, problems: [], torn: false };
  }
}
