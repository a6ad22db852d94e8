import { describe, expect, it } from 'vitest';
import type { CloudFrontKey } from '../../../../../shared/domain/cloudfront-key';
import { keyListItems, looksEncrypted } from '../../../../../renderer/src/features/cloudfront/cloudfront-format';
import { previewOf, type SignerValues } from '../../../../../renderer/src/features/cloudfront/signer-form';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

function key(label: string, customer?: string): CloudFrontKey {
  return {
    id: `key-${label.toLowerCase().replace(/\W+/g, '-')}`,
    label,
    ...(customer ? { customer } : {}),
    fingerprint: `SHA256:${'A'.repeat(43)}`,
    publicKeyPem: '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n',
    origin: 'generated',
    createdAt: NOW,
  };
}

function values(extra: Partial<SignerValues>): SignerValues {
  return { key: 'k', mode: 'url', urls: '', expiresPreset: '1h', expiresCustom: '', notBefore: '', ipRange: '', resource: '', ...extra };
}

describe('the key list', () => {
  it('groups keys per customer A–Z, keys without a customer last, each group by label', () => {
    const items = keyListItems([key('Zeta', 'Acme'), key('Loose'), key('Alpha', 'Acme'), key('Beta', 'Bolt')]);
    expect(items.map((item) => (item.kind === 'heading' ? `# ${item.customer}` : item.key.label))).toEqual(['# Acme', 'Alpha', 'Zeta', '# Bolt', 'Beta', '# No customer', 'Loose']);
  });

  it('knows an encrypted PEM (PKCS#8 and PKCS#1 forms) from a plain one', () => {
    expect(looksEncrypted('-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF…')).toBe(true);
    expect(looksEncrypted('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n')).toBe(true);
    expect(looksEncrypted('-----BEGIN PRIVATE KEY-----\nMIIE…')).toBe(false);
  });
});

describe('the live policy preview', () => {
  const url = 'https://d111111abcdef8.cloudfront.net/films/a.mp4';

  it('shows nothing until a URL is typed', () => {
    expect(previewOf(values({}), NOW)).toEqual({ ok: null });
  });

  it('a plain URL: a canned policy for that URL, expiring an hour from now', () => {
    const preview = previewOf(values({ urls: url }), NOW);
    if (preview.ok !== true) throw new Error(`expected a plan, got ${JSON.stringify(preview)}`);
    expect(preview.plan.kind).toBe('canned');
    expect(JSON.parse(preview.policy)).toEqual({ Statement: [{ Resource: url, Condition: { DateLessThan: { 'AWS:EpochTime': NOW / 1000 + 3600 } } }] });
  });

  it('a wildcard resource forces a custom policy and says so', () => {
    const preview = previewOf(values({ urls: `${url}\n${url.replace('a.mp4', 'b.mp4')}`, resource: 'https://d111111abcdef8.cloudfront.net/films/*' }), NOW);
    if (preview.ok !== true) throw new Error('expected a plan');
    expect(preview.plan.kind).toBe('custom');
    expect(preview.plan.reason).toMatch(/wildcard/i);
    expect(preview.count).toBe(2);
    expect(preview.plan.policies).toHaveLength(1);
  });

  it('says what is wrong before anything is sent: a URL without a scheme, a not-before after the expiry', () => {
    const noScheme = previewOf(values({ urls: 'd111111abcdef8.cloudfront.net/a.mp4' }), NOW);
    expect(noScheme.ok).toBe(false);
    const late = previewOf(values({ urls: url, notBefore: '2h' }), NOW);
    expect(late).toMatchObject({ ok: false, message: expect.stringMatching(/.+/) });
  });
});
