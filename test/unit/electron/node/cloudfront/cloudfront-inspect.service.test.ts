import { describe, expect, it } from 'vitest';
import { cloudFrontWorld } from './cloudfront-world';
import { otherRsa2048, pkcs1Pem, rsa2048 } from './test-keys';

const HOUR = 3600_000;

async function world() {
  const w = cloudFrontWorld();
  const acme = await w.keys.importKey({ keyPairId: 'K2JCJMDEHXQW5F', pem: pkcs1Pem(rsa2048().privateKey), label: 'Acme' });
  const globex = await w.keys.importKey({ keyPairId: 'K3GLOBEXKEY123', pem: pkcs1Pem(otherRsa2048().privateKey), label: 'Globex' });
  return { ...w, acme, globex };
}

const codes = (result: { problems: Array<{ code: string }> }) => result.problems.map((problem) => problem.code);

describe('CloudFrontInspectService', () => {
  it('accepts a fresh signed URL, shows its policy and the key that signed it', async () => {
    const { signing, inspector, acme } = await world();
    const { signedUrl } = await signing.signUrl({ key: acme.id, url: 'https://d111111abcdef8.cloudfront.net/a.jpg?size=large', expires: '2h' });
    const result = await inspector.inspect({ text: signedUrl });
    expect(result).toMatchObject({ form: 'url', verdict: 'accepted', policyKind: 'canned', signature: 'valid', signedBy: { id: acme.id, label: 'Acme' }, problems: [] });
    expect(result.summary).toMatch(/^CloudFront would accept this URL until 2026-11-28T11:00:00Z \(in 2 h\)\.$/);
    expect(JSON.parse(result.policy!)).toEqual({ Statement: [{ Resource: 'https://d111111abcdef8.cloudfront.net/a.jpg?size=large', Condition: { DateLessThan: { 'AWS:EpochTime': result.expiresAt } } }] });
  });

  it('reads a URL pasted as an address bar shows it (unicode decoded) as the browser sends it', async () => {
    const { signing, inspector, acme } = await world();
    const { signedUrl } = await signing.signUrl({ key: acme.id, url: 'https://cdn.example.com/vidéos/été 2026.mp4', expires: '1h' });
    const displayed = decodeURI(signedUrl);
    expect(displayed).toContain('/vidéos/été 2026.mp4?');
    const result = await inspector.inspect({ text: displayed });
    expect(result.verdict).toBe('accepted');
    expect(result.notes).toContain('Read with its non-ASCII characters and spaces percent-encoded, as a browser sends them.');
  });

  it('says an expired URL expired, and when', async () => {
    const { signing, inspector, acme, clock } = await world();
    const { signedUrl } = await signing.signUrl({ key: acme.id, url: 'https://cdn.example.com/a.jpg', expires: '1h' });
    clock.advance(3 * HOUR);
    const result = await inspector.inspect({ text: signedUrl });
    expect(result.verdict).toBe('refused');
    expect(result.summary).toBe('CloudFront would refuse this URL: Expired at 2026-11-28T10:00:00Z (2 h ago).');
  });

  it('says a URL is not valid yet before its start time', async () => {
    const { signing, inspector, acme } = await world();
    const { signedUrl } = await signing.signUrl({ key: acme.id, url: 'https://cdn.example.com/a.jpg', expires: '3h', notBefore: '1h' });
    const result = await inspector.inspect({ text: signedUrl });
    expect(codes(result)).toEqual(['not-yet-valid']);
    expect(result.problems[0]!.message).toBe('Not valid before 2026-11-28T10:00:00Z (in 1 h).');
  });

  it('tells a URL signed with another stored key from a tampered one', async () => {
    const { signing, inspector, acme, globex } = await world();
    const { signedUrl } = await signing.signUrl({ key: globex.id, url: 'https://cdn.example.com/a.jpg', expires: '1h' });
    const relabelled = signedUrl.replace('K3GLOBEXKEY123', 'K2JCJMDEHXQW5F');
    const wrong = await inspector.inspect({ text: relabelled });
    expect(codes(wrong)).toEqual(['wrong-key']);
    expect(wrong.problems[0]!.message).toMatch(/^Signed with the private key of "Globex" \(K3GLOBEXKEY123\), but Key-Pair-Id says K2JCJMDEHXQW5F/);
    expect(wrong.signedBy?.label).toBe('Globex');

    const { signedUrl: good } = await signing.signUrl({ key: acme.id, url: 'https://cdn.example.com/a.jpg', expires: '1h' });
    const longer = good.replace(/Expires=(\d+)/, (_match, seconds: string) => `Expires=${Number(seconds) + 86400}`);
    const tampered = await inspector.inspect({ text: longer });
    expect(codes(tampered)).toEqual(['tampered']);
    expect(tampered.problems[0]!.message).toMatch(/does not match the URL and its Expires under "Acme" \(K2JCJMDEHXQW5F\): something was changed after signing/);
    const otherFile = await inspector.inspect({ text: good.replace('/a.jpg', '/b.jpg') });
    expect(codes(otherFile)).toEqual(['tampered']);
  });

  it('says which resource a custom policy allows when the URL was changed to another file', async () => {
    const { signing, inspector, acme } = await world();
    const { items } = await signing.signUrls({ key: acme.id, urls: ['https://cdn.example.com/videos/a.mp4'], expires: '1h', resource: 'https://cdn.example.com/videos/*' });
    const moved = await inspector.inspect({ text: items[0]!.signedUrl.replace('/videos/a.mp4', '/images/a.jpg') });
    expect(moved.signature).toBe('valid');
    expect(codes(moved)).toEqual(['resource-mismatch']);
    expect(moved.problems[0]!.message).toBe('The policy allows https://cdn.example.com/videos/*, but the request is for https://cdn.example.com/images/a.jpg.');
  });

  it('checks the viewer’s IP against the policy’s range when given, and notes the range otherwise', async () => {
    const { signing, inspector, acme } = await world();
    const { signedUrl } = await signing.signUrl({ key: acme.id, url: 'https://cdn.example.com/a.jpg', expires: '1h', ipRange: '192.0.2.0/24' });
    expect((await inspector.inspect({ text: signedUrl, clientIp: '192.0.2.77' })).verdict).toBe('accepted');
    const outside = await inspector.inspect({ text: signedUrl, clientIp: '198.51.100.4' });
    expect(outside.problems).toEqual([{ code: 'ip-outside-range', message: "198.51.100.4 is outside the policy's range 192.0.2.0/24." }]);
    expect(codes(await inspector.inspect({ text: signedUrl, clientIp: '2001:db8::1' }))).toEqual(['ip-outside-range']);
    expect((await inspector.inspect({ text: signedUrl })).notes.join(' ')).toMatch(/Only viewers in 192\.0\.2\.0\/24 get through/);
  });

  it('inspects cookies pasted as a curl command, with the URL taken from it', async () => {
    const { signing, inspector, acme, clock } = await world();
    const cookies = await signing.signCookies({ key: acme.id, url: 'https://d111111abcdef8.cloudfront.net/private/r.pdf', expires: '1h' });
    expect(await inspector.inspect({ text: cookies.curl })).toMatchObject({ form: 'cookies', verdict: 'accepted', policyKind: 'canned' });
    const elsewhere = await inspector.inspect({ text: cookies.setCookieHeaders.join('\n'), url: 'https://d111111abcdef8.cloudfront.net/private/other.pdf' });
    expect(codes(elsewhere)).toEqual(['tampered']);
    clock.advance(2 * HOUR);
    expect(codes(await inspector.inspect({ text: cookies.curl }))).toEqual(['expired']);
  });

  it('cannot check a canned cookie without the URL it was sent to, and says so', async () => {
    const { signing, inspector, acme } = await world();
    const cookies = await signing.signCookies({ key: acme.id, url: 'https://cdn.example.com/r.pdf', expires: '1h' });
    const result = await inspector.inspect({ text: cookies.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') });
    expect(result).toMatchObject({ verdict: 'unverified', signature: 'unchecked' });
    expect(result.summary).toMatch(/give that URL/);
  });

  it('leaves the signature unchecked, not refused, when no stored key has its ID', async () => {
    const { signing, inspector, acme, keys } = await world();
    const { signedUrl } = await signing.signUrl({ key: acme.id, url: 'https://cdn.example.com/a.jpg', expires: '1h' });
    await keys.remove(acme.id);
    await keys.remove((await keys.list())[0]!.id);
    const result = await inspector.inspect({ text: signedUrl });
    expect(result).toMatchObject({ verdict: 'unverified', signature: 'unchecked' });
    expect(result.summary).toMatch(/No stored key has the ID K2JCJMDEHXQW5F/);
  });

  it.each([
    ['an unsigned URL', 'https://cdn.example.com/a.jpg', /carries no CloudFront signature at all/],
    ['a URL without Key-Pair-Id', 'https://cdn.example.com/a.jpg?Expires=1900000000&Signature=abc_', /Key-Pair-Id is missing/],
    ['both Expires and Policy', 'https://cdn.example.com/a.jpg?Expires=1&Policy=eyJ9&Signature=abc_&Key-Pair-Id=K1ABCDEFGH', /Both Expires and Policy/],
    ['a Policy that is not a policy', 'https://cdn.example.com/a.jpg?Policy=bm9wZQ__&Signature=abc_&Key-Pair-Id=K1ABCDEFGH', /not valid JSON/],
    ['a signature in standard base64', 'https://cdn.example.com/a.jpg?Expires=1900000000&Signature=ab+/&Key-Pair-Id=K1ABCDEFGH', /not CloudFront's URL-safe base64/],
    ['text that is neither', 'hello', /neither a signed URL/],
  ])('explains %s as malformed', async (_name, text, expected) => {
    const { inspector } = await world();
    const result = await inspector.inspect({ text });
    expect(result.verdict).toBe('refused');
    expect(result.problems[0]).toEqual({ code: 'malformed', message: expect.stringMatching(expected) });
  });
});
