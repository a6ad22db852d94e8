import { describe, expect, it } from 'vitest';
import { CURRENT_STORE_VERSION, emptyDocument, parseStoreDocument } from '../../../../shared/domain/store-document';
import { derivedCustomerId } from '../../../../shared/logic/customers';
import { sampleRole, sampleUser } from '../../electron/node/store/sample-profiles';

describe('store document versions', () => {
  it('migrates a version 1 document: its labels become customers, nothing else changes', () => {
    const profiles = [sampleUser('source'), { ...sampleRole('acme'), label: 'Acme' }, { ...sampleRole('beta'), label: undefined, color: undefined }];
    const parsed = parseStoreDocument(JSON.parse(JSON.stringify({ version: 1, profiles, settings: { roleNameAllowList: [] }, history: [] })));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.document.version).toBe(CURRENT_STORE_VERSION);
    expect(parsed.document.profiles.map((profile) => profile.name)).toEqual(profiles.map((profile) => profile.name));
    expect(parsed.document.customers).toEqual([
      { id: derivedCustomerId('Acme'), name: 'Acme', color: '#3366cc', production: true, onboarding: 'role-created', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 },
    ]);
  });

  it('migrates a version 2 document to one with no CloudFront keys, keeping its customers', () => {
    const { cloudfrontKeys: _keys, ...v2 } = { ...emptyDocument(), version: 2 };
    const parsed = parseStoreDocument(v2);
    expect(parsed).toMatchObject({ kind: 'ok', migratedFrom: 2, document: { version: CURRENT_STORE_VERSION, cloudfrontKeys: [], customers: [] } });
  });

  it('refuses two CloudFront keys with one CloudFront key ID, since signing would not know which to use', () => {
    const key = {
      id: 'key-aaaa-0001',
      keyPairId: 'K2JCJMDEHXQW5F',
      label: 'Acme',
      fingerprint: `SHA256:${'A'.repeat(43)}`,
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\n',
      origin: 'imported',
      createdAt: 1,
    };
    const parsed = parseStoreDocument({ ...emptyDocument(), cloudfrontKeys: [key, { ...key, id: 'key-aaaa-0002' }] });
    expect(parsed).toEqual({ kind: 'invalid', problems: ['cloudfrontKeys.1.keyPairId: Two CloudFront keys have the key ID K2JCJMDEHXQW5F'] });
  });

  it('reads a document without customers as one with none', () => {
    const { customers: _customers, ...withoutCustomers } = emptyDocument();
    const parsed = parseStoreDocument(withoutCustomers);
    expect(parsed).toMatchObject({ kind: 'ok', document: { customers: [] } });
  });

  it('refuses two customers with one name (case aside), since a label would not know which it means', () => {
    const customer = { id: 'customer-aaaa-0001', name: 'Acme', production: false, onboarding: 'invited', createdAt: 1, updatedAt: 1 };
    const parsed = parseStoreDocument({ ...emptyDocument(), customers: [customer, { ...customer, id: 'customer-aaaa-0002', name: 'ACME' }] });
    expect(parsed).toEqual({ kind: 'invalid', problems: ['customers.1.name: Two customers are named ACME'] });
  });
});
