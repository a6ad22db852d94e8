import { describe, expect, it } from 'vitest';
import { DocumentStoreAuditLog } from '../../../../../electron/node/audit/document-store.audit-log';
import { HISTORY_LIMIT, HISTORY_TEXT_LIMIT } from '../../../../../shared/domain/store-document';
import type { AuditEntry } from '../../../../../shared/ports/audit-log';
import { MemoryDocumentStore } from '../../../../fakes/memory.document-store';

const PROFILE_A = '11111111-1111-4111-8111-111111111111';
const PROFILE_B = '22222222-2222-4222-8222-222222222222';

function entry(at: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { at, action: 'update-role', result: 'ok', ...extra };
}

describe('DocumentStoreAuditLog', () => {
  it('appends entries in order, in one store write, and lists them oldest first', async () => {
    const store = new MemoryDocumentStore();
    const audit = new DocumentStoreAuditLog(store);

    await audit.append(entry(1, { action: 'add-user', profileId: PROFILE_A }), entry(2, { action: 'add-role', profileId: PROFILE_B }));
    await audit.append(entry(3, { action: 'deploy', profileId: PROFILE_B, result: 'failed', detail: 'the stack rolled back', identity: 'arn:aws:sts::222222222222:assumed-role/Deploy/roledeck-consultant', customer: 'Acme' }));

    expect(store.writes).toBe(2);
    expect(await audit.list()).toEqual([
      { at: 1, action: 'add-user', profileId: PROFILE_A, result: 'ok' },
      { at: 2, action: 'add-role', profileId: PROFILE_B, result: 'ok' },
      { at: 3, action: 'deploy', profileId: PROFILE_B, result: 'failed', detail: 'the stack rolled back', identity: 'arn:aws:sts::222222222222:assumed-role/Deploy/roledeck-consultant', customer: 'Acme' },
    ]);
  });

  it('finds entries by profile, action and time, and keeps the newest when limited', async () => {
    const audit = new DocumentStoreAuditLog(new MemoryDocumentStore());
    await audit.append(entry(1, { profileId: PROFILE_A }), entry(2, { profileId: PROFILE_B }), entry(3, { profileId: PROFILE_A, action: 'remove' }), entry(4, { profileId: PROFILE_A }));

    expect((await audit.list({ profileId: PROFILE_A })).map((found) => found.at)).toEqual([1, 3, 4]);
    expect((await audit.list({ action: 'remove' })).map((found) => found.at)).toEqual([3]);
    expect((await audit.list({ since: 3 })).map((found) => found.at)).toEqual([3, 4]);
    expect((await audit.list({ profileId: PROFILE_A, limit: 2 })).map((found) => found.at)).toEqual([3, 4]);
  });

  it('reads entries written before results were recorded as successes', async () => {
    const store = new MemoryDocumentStore();
    store.document.history.push({ at: 5, action: 'add-user', profileId: PROFILE_A });
    expect(await new DocumentStoreAuditLog(store).list()).toEqual([{ at: 5, action: 'add-user', profileId: PROFILE_A, result: 'ok' }]);
  });

  it('keeps only the newest entries, and cuts an overlong detail instead of refusing the entry', async () => {
    const store = new MemoryDocumentStore();
    const audit = new DocumentStoreAuditLog(store);
    await audit.append(...Array.from({ length: HISTORY_LIMIT + 10 }, (_, at) => entry(at)));
    await audit.append(entry(10_000, { detail: 'x'.repeat(HISTORY_TEXT_LIMIT + 50) }));

    const all = await audit.list();
    expect(all).toHaveLength(HISTORY_LIMIT);
    expect(all[0]!.at).toBe(11);
    expect(all.at(-1)!.detail).toHaveLength(HISTORY_TEXT_LIMIT);
  });

  it('writes nothing for an empty append', async () => {
    const store = new MemoryDocumentStore();
    await new DocumentStoreAuditLog(store).append();
    expect(store.writes).toBe(0);
  });
});
