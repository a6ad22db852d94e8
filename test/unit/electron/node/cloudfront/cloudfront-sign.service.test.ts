import { getSignedCookies, getSignedUrl } from '@aws-sdk/cloudfront-signer';
import { describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { cloudfrontKeyItem } from '../../../../../shared/domain/keychain-items';
import { cloudFrontWorld, failure } from './cloudfront-world';
import { cookieSignatureVerifies, urlSignatureVerifies } from './signature-check';
import { pkcs1Pem, rsa2048 } from './test-keys';

const KEY_PAIR_ID = 'K2JCJMDEHXQW5F';
const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

async function world() {
  const w = cloudFrontWorld();
  const pem = pkcs1Pem(rsa2048().privateKey);
  const key = await w.keys.importKey({ keyPairId: KEY_PAIR_ID, pem, label: 'Acme' });
  return { ...w, key, pem, publicKey: rsa2048().publicKey };
}

const URL_CASES = [
  { name: 'a canned policy', url: 'https://d111111abcdef8.cloudfront.net/images/image.jpg' },
  { name: 'a URL that already has a query string', url: 'https://d111111abcdef8.cloudfront.net/images/image.jpg?size=large&color=red' },
  { name: 'a unicode path', url: 'https://d111111abcdef8.cloudfront.net/vidéos/日本語 file.mp4' },
  {
    name: 'a query with escapes, plus signs, quotes and unicode',
    url: "https://d111111abcdef8.cloudfront.net/a.pdf?response-content-disposition=attachment%3B%20filename%2A%3DUTF-8''r%C3%A9sum%C3%A9.pdf&v=a+b&q=é",
  },
  { name: 'a custom policy with a start time', url: 'https://d111111abcdef8.cloudfront.net/a.mp4', notBefore: '30m' },
  { name: 'a custom policy with one IP address', url: 'https://d111111abcdef8.cloudfront.net/a.mp4', ipRange: '203.0.113.7' },
  { name: 'a custom policy with range, start, query and unicode', url: 'https://cdn.example.com/ü/a b.mp4?lang=ελ', ipRange: '192.0.2.0/24', notBefore: 'now' },
];

describe('CloudFrontSignService: signed URLs', () => {
  it.each(URL_CASES)('signs $name exactly as @aws-sdk/cloudfront-signer does, and the signature verifies', async ({ url, notBefore, ipRange }) => {
    const { signing, key, pem, publicKey } = await world();
    const result = await signing.signUrl({ key: key.id, url, expires: '2h', ...(notBefore ? { notBefore } : {}), ...(ipRange ? { ipRange } : {}) });
    const sdk = getSignedUrl({
      url,
      keyPairId: KEY_PAIR_ID,
      privateKey: pem,
      dateLessThan: iso(result.expiresAt),
      ...(result.notBefore !== undefined ? { dateGreaterThan: iso(result.notBefore) } : {}),
      ...(ipRange ? { ipAddress: ipRange } : {}),
    });
    expect(result.signedUrl).toBe(sdk);
    expect(result.policyKind).toBe(notBefore || ipRange ? 'custom' : 'canned');
    expect(urlSignatureVerifies(result.signedUrl, publicKey)).toBe(true);
    expect(result.curl).toBe(`curl -sS -D - -o /dev/null '${result.signedUrl.replace(/'/g, `'\\''`)}'`);
  });

  it('signs a batch under one wildcard policy: one signature, SDK-identical URLs, input order kept', async () => {
    const { signing, key, pem, publicKey, clock } = await world();
    const urls = ['https://d111111abcdef8.cloudfront.net/videos/b.mp4', 'https://d111111abcdef8.cloudfront.net/videos/a.mp4?t=10', 'https://d111111abcdef8.cloudfront.net/videos/ü.mp4'];
    const result = await signing.signUrls({ key: key.id, urls, expires: '7d', resource: 'https://d111111abcdef8.cloudfront.net/videos/*' });
    const expiresAt = clock.now() / 1000 + 7 * 86400;
    expect(result).toMatchObject({ policyKind: 'custom', reason: expect.stringMatching(/wildcard/), resource: 'https://d111111abcdef8.cloudfront.net/videos/*', expiresAt });
    const policy = `{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/videos/*","Condition":{"DateLessThan":{"AWS:EpochTime":${expiresAt}}}}]}`;
    expect(result.items.map((item) => item.signedUrl)).toEqual(urls.map((url) => getSignedUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: pem, policy })));
    expect(new Set(result.items.map((item) => new URL(item.signedUrl).searchParams.get('Signature'))).size).toBe(1);
    for (const item of result.items) expect(urlSignatureVerifies(item.signedUrl, publicKey)).toBe(true);
  });

  it('signs a batch of distinct URLs with one canned policy each, in input order', async () => {
    const { signing, key, pem, publicKey } = await world();
    const urls = Array.from({ length: 40 }, (_, index) => `https://d111111abcdef8.cloudfront.net/files/${39 - index}.bin?part=${index}`);
    const result = await signing.signUrls({ key: key.id, urls, expires: '1h' });
    expect(result.items.map((item) => item.url)).toEqual(urls);
    expect(result.items.map((item) => item.signedUrl)).toEqual(urls.map((url) => getSignedUrl({ url, keyPairId: KEY_PAIR_ID, privateKey: pem, dateLessThan: iso(result.expiresAt) })));
    expect(result.items.every((item) => urlSignatureVerifies(item.signedUrl, publicKey))).toBe(true);
  });
});

describe('CloudFrontSignService: signed cookies', () => {
  const asRecord = (cookies: Array<{ name: string; value: string }>) => Object.fromEntries(cookies.map((cookie) => [cookie.name, cookie.value]));
  // The SDK returns CloudFront-Expires as a number; on the wire every cookie value is text.
  const sdkCookies = (cookies: object) => Object.fromEntries(Object.entries(cookies).map(([name, value]) => [name, String(value)]));

  it('sets canned-policy cookies identical to the SDK’s', async () => {
    const { signing, key, pem, publicKey } = await world();
    const url = 'https://d111111abcdef8.cloudfront.net/private/report.pdf';
    const result = await signing.signCookies({ key: key.id, url, expires: '1h' });
    expect(asRecord(result.cookies)).toEqual(sdkCookies(getSignedCookies({ url, keyPairId: KEY_PAIR_ID, privateKey: pem, dateLessThan: iso(result.expiresAt) })));
    expect(cookieSignatureVerifies(asRecord(result.cookies), url, publicKey)).toBe(true);
    expect(result.setCookieHeaders[0]).toBe(`CloudFront-Expires=${result.expiresAt}; Domain=d111111abcdef8.cloudfront.net; Path=/private/; Secure; HttpOnly`);
  });

  it('sets custom-policy cookies (IP range, start time) identical to the SDK’s', async () => {
    const { signing, key, pem, publicKey } = await world();
    const url = 'https://cdn.example.com/private/report.pdf?v=2';
    const result = await signing.signCookies({ key: key.id, url, expires: '1h', notBefore: 'now', ipRange: '192.0.2.0/24' });
    const sdk = getSignedCookies({ url, keyPairId: KEY_PAIR_ID, privateKey: pem, dateLessThan: iso(result.expiresAt), dateGreaterThan: iso(result.notBefore!), ipAddress: '192.0.2.0/24' });
    expect(asRecord(result.cookies)).toEqual(sdkCookies(sdk));
    expect(cookieSignatureVerifies(asRecord(result.cookies), url, publicKey)).toBe(true);
  });

  it('sets wildcard cookies for a whole directory, with Domain/Path advice and a curl line that sends them', async () => {
    const { signing, key, pem, publicKey } = await world();
    const resource = 'https://d111111abcdef8.cloudfront.net/vidéos/*';
    const result = await signing.signCookies({ key: key.id, url: 'https://d111111abcdef8.cloudfront.net/vidéos/intro.mp4', expires: '1d', resource });
    const policy = `{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/vid%C3%A9os/*","Condition":{"DateLessThan":{"AWS:EpochTime":${result.expiresAt}}}}]}`;
    expect(asRecord(result.cookies)).toEqual(sdkCookies(getSignedCookies({ keyPairId: KEY_PAIR_ID, privateKey: pem, policy })));
    expect(cookieSignatureVerifies(asRecord(result.cookies), '', publicKey)).toBe(true);
    expect(result).toMatchObject({ policyKind: 'custom', domain: 'd111111abcdef8.cloudfront.net', path: '/vid%C3%A9os/', url: 'https://d111111abcdef8.cloudfront.net/vid%C3%A9os/intro.mp4' });
    expect(result.curl).toContain(`-b 'CloudFront-Policy=${result.cookies[0]!.value}; CloudFront-Signature=`);
    expect(result.advice.join('\n')).toMatch(/Domain=d111111abcdef8\.cloudfront\.net: the page that sets these cookies must itself come from/);
  });
});

describe('CloudFrontSignService: what it refuses', () => {
  it.each([
    ['an expiry in the past', { expires: '2020-01-01T00:00:00Z' }, /already past/],
    ['a start after the expiry', { expires: '1h', notBefore: '3h' }, /not earlier than the expiry/],
    ['a malformed IP range', { expires: '1h', ipRange: '300.1.2.3/8' }, /^IP range: .*192\.0\.2\.0\/24/],
    ['an IPv6 range', { expires: '1h', ipRange: '2001:db8::/48' }, /IPv4 ranges only/],
    ['a URL without a scheme', { expires: '1h', url: 'd111111abcdef8.cloudfront.net/a.jpg' }, /no scheme: add https:\/\//],
  ])('refuses %s with a message that says what to change', async (_name, options, expected) => {
    const { signing, key, secrets, repository } = await world();
    const writes = repository.writes;
    const error = await failure(signing.signUrl({ key: key.id, url: 'https://cdn.example.com/a.jpg', ...options }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(expected);
    expect(repository.writes).toBe(writes);
    expect(secrets.items.size).toBe(1);
  });

  it('refuses to sign with a generated key that has no CloudFront key ID yet, saying how to get one', async () => {
    const { signing, keys } = cloudFrontWorld();
    const key = await keys.generateKey({});
    const error = await failure(signing.signUrl({ key: key.id, url: 'https://cdn.example.com/a.jpg', expires: '1h' }));
    expect(error.message).toMatch(/has no CloudFront key ID yet\. Upload its public key to CloudFront/);
  });

  it('says the private key is missing when the keychain lost it', async () => {
    const { signing, key, secrets } = await world();
    await secrets.delete(cloudfrontKeyItem(key.id));
    const error = await failure(signing.signUrl({ key: key.id, url: 'https://cdn.example.com/a.jpg', expires: '1h' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'The private key of "Acme" is missing from the OS keychain. Remove the key and import it again.' });
  });
});

describe('CloudFrontSignService: using a key', () => {
  it('reads the keychain once per key and records "last used" at most once a minute', async () => {
    const { signing, key, secrets, repository, clock } = await world();
    let reads = 0;
    const get = secrets.get.bind(secrets);
    secrets.get = (name) => {
      reads += 1;
      return get(name);
    };
    const writes = repository.writes;
    for (let i = 0; i < 5; i += 1) await signing.signUrl({ key: key.id, url: `https://cdn.example.com/${i}`, expires: '1h' });
    expect(reads).toBe(1);
    expect(repository.writes).toBe(writes + 1);
    expect(repository.keys[0]!.lastUsedAt).toBe(clock.now());
    clock.advance(61_000);
    await signing.signUrl({ key: key.id, url: 'https://cdn.example.com/x', expires: '1h' });
    expect(repository.keys[0]!.lastUsedAt).toBe(clock.now());
  });

  it('records what was signed, until when and with which key in the history, never the signature', async () => {
    const { signing, key, audit } = await world();
    const one = await signing.signUrl({ key: key.id, url: 'https://cdn.example.com/a.jpg', expires: '1h' });
    await signing.signUrls({ key: key.id, urls: ['https://cdn.example.com/v/1.mp4', 'https://cdn.example.com/v/2.mp4'], expires: '1h', resource: 'https://cdn.example.com/v/*' });
    await signing.signCookies({ key: key.id, url: 'https://cdn.example.com/v/1.mp4', expires: '1h', resource: 'https://cdn.example.com/v/*' });
    const entries = await audit.list();
    expect(entries.map((entry) => [entry.action, entry.detail])).toEqual([
      ['import-cloudfront-key', expect.any(String)],
      ['sign-cloudfront-url', `https://cdn.example.com/a.jpg, canned policy until ${new Date(one.expiresAt * 1000).toISOString().replace('.000Z', 'Z')}, key "Acme" (K2JCJMDEHXQW5F)`],
      ['sign-cloudfront-url', expect.stringMatching(/^2 URLs under https:\/\/cdn\.example\.com\/v\/\*, custom policy until/)],
      ['sign-cloudfront-cookies', expect.stringMatching(/^https:\/\/cdn\.example\.com\/v\/\*, custom policy/)],
    ]);
    expect(JSON.stringify(entries)).not.toContain(new URL(one.signedUrl).searchParams.get('Signature')!);
  });

  it('still hands out the signed URL when the store is too busy to record the use', async () => {
    const { signing, key, repository, lines } = await world();
    repository.failNextUpdate = new RoledeckError('CONFLICT', 'store busy');
    const result = await signing.signUrl({ key: key.id, url: 'https://cdn.example.com/a', expires: '1h' });
    expect(result.signedUrl).toMatch(/Signature=/);
    expect(lines.join('\n')).toMatch(/could not record the use of a CloudFront key/);
  });
});
