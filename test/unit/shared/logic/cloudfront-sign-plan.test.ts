import { describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../shared/contract/errors';
import { textOfCloudFrontBase64 } from '../../../../shared/logic/cloudfront-base64';
import { planSigning, signedCookieSet, signedUrls, type SignOptions } from '../../../../shared/logic/cloudfront-sign-plan';

const NOW = Date.UTC(2026, 10, 28, 9, 0, 0);
const HOUR_LATER = NOW / 1000 + 3600;

function refusal(urls: string[], options: SignOptions): string {
  try {
    planSigning(urls, options, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(RoledeckError);
    expect((error as RoledeckError).code).toBe('VALIDATION');
    return (error as RoledeckError).message;
  }
  throw new Error('expected a refusal');
}

describe('planning signatures', () => {
  it('signs one URL with a canned policy, one signature per distinct URL, in input order', () => {
    const plan = planSigning(['https://cdn.example.com/b.jpg', 'https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.jpg'], { expires: '1h' }, NOW);
    expect(plan.kind).toBe('canned');
    expect(plan.policies).toHaveLength(2);
    expect(plan.items.map((item) => [item.url, item.policy])).toEqual([
      ['https://cdn.example.com/b.jpg', 0],
      ['https://cdn.example.com/a.jpg', 1],
      ['https://cdn.example.com/b.jpg', 0],
    ]);
    expect(plan.resource).toBeUndefined();
    const result = signedUrls(plan, ['sig~0', 'sig-1'], 'K2JCJMDEHXQW5F');
    expect(result.items.map((item) => item.signedUrl)).toEqual([
      `https://cdn.example.com/b.jpg?Expires=${HOUR_LATER}&Key-Pair-Id=K2JCJMDEHXQW5F&Signature=sig~0`,
      `https://cdn.example.com/a.jpg?Expires=${HOUR_LATER}&Key-Pair-Id=K2JCJMDEHXQW5F&Signature=sig-1`,
      `https://cdn.example.com/b.jpg?Expires=${HOUR_LATER}&Key-Pair-Id=K2JCJMDEHXQW5F&Signature=sig~0`,
    ]);
  });

  it('forces a custom policy for a wildcard resource, says so, and needs one signature for the whole batch', () => {
    const urls = Array.from({ length: 500 }, (_, index) => `https://cdn.example.com/videos/${index}.mp4?q=${index}`);
    const plan = planSigning(urls, { expires: '1h', resource: 'https://cdn.example.com/videos/*' }, NOW);
    expect(plan.kind).toBe('custom');
    expect(plan.reason).toMatch(/wildcard/);
    expect(plan.policies).toHaveLength(1);
    const result = signedUrls(plan, ['only-one'], 'K1ABCDEFGH');
    const policy = result.items[0]!.signedUrl.match(/Policy=([^&]+)/)![1]!;
    expect(JSON.parse(textOfCloudFrontBase64(policy)!)).toEqual({
      Statement: [{ Resource: 'https://cdn.example.com/videos/*', Condition: { DateLessThan: { 'AWS:EpochTime': HOUR_LATER } } }],
    });
    expect(result.items[499]!.signedUrl).toBe(`https://cdn.example.com/videos/499.mp4?q=499&Policy=${policy}&Key-Pair-Id=K1ABCDEFGH&Signature=only-one`);
  });

  it('puts the fragment back after the signature and notes every URL it had to percent-encode', () => {
    const plan = planSigning(['https://cdn.example.com/é.html#top'], { expires: '1h', ipRange: '192.0.2.0/24', notBefore: 'now' }, NOW);
    expect(plan.kind).toBe('custom');
    expect(plan.reason).toMatch(/"not before".*IP range/);
    expect(plan.notes[0]).toBe('signed as https://cdn.example.com/%C3%A9.html#top — the spelling CloudFront will see; hand out this one.');
    expect(plan.notes[1]).toMatch(/IPv6/);
    expect(signedUrls(plan, ['s'], 'K1ABCDEFGH').items[0]!.signedUrl).toMatch(/^https:\/\/cdn\.example\.com\/%C3%A9\.html\?Policy=.*&Signature=s#top$/);
  });

  it('names each bad line of a batch, five at most', () => {
    const message = refusal(['https://ok.example.com/a', 'no-scheme.example.com/b', ...Array.from({ length: 7 }, () => 'ftp://x/y')], { expires: '1h' });
    expect(message.split('\n')).toEqual([
      'Line 2: The URL has no scheme: add https:// in front (for example https://no-scheme.example.com/b).',
      'Line 3: CloudFront signs http:// and https:// URLs, not ftp://.',
      'Line 4: CloudFront signs http:// and https:// URLs, not ftp://.',
      'Line 5: CloudFront signs http:// and https:// URLs, not ftp://.',
      'Line 6: CloudFront signs http:// and https:// URLs, not ftp://.',
      '…and 3 more.',
    ]);
  });

  it('refuses URLs outside the resource, an expiry in the past, a start after the expiry and a malformed IP range', () => {
    expect(refusal(['https://cdn.example.com/images/a.jpg'], { expires: '1h', resource: 'https://cdn.example.com/videos/*' })).toMatch(
      /is outside the resource https:\/\/cdn\.example\.com\/videos\/\*: CloudFront would refuse it/,
    );
    expect(refusal(['https://cdn.example.com/a'], { expires: '2020-01-01T00:00:00Z' })).toMatch(/^Expiry|already past/);
    expect(refusal(['https://cdn.example.com/a'], { expires: '1h', notBefore: '2h' })).toMatch(/would never work/);
    expect(refusal(['https://cdn.example.com/a'], { expires: '1h', ipRange: '10.0.0/8' })).toMatch(/^IP range: "10\.0\.0\/8" is not an IPv4 address or range/);
    expect(refusal(['https://cdn.example.com/a'], { expires: '1h', resource: 'cdn.example.com/*' })).toMatch(/^Resource: The resource has no scheme/);
  });

  it('builds cookies for a wildcard resource with the path it opens and a curl line that sends them', () => {
    const plan = planSigning(['https://d111111abcdef8.cloudfront.net/videos/intro.mp4'], { expires: '1h', resource: 'https://d111111abcdef8.cloudfront.net/videos/*' }, NOW);
    const result = signedCookieSet(plan, 'sig', 'K1ABCDEFGH');
    expect(result.cookies.map((cookie) => cookie.name)).toEqual(['CloudFront-Policy', 'CloudFront-Signature', 'CloudFront-Key-Pair-Id']);
    expect(result).toMatchObject({ domain: 'd111111abcdef8.cloudfront.net', path: '/videos/', policyKind: 'custom', resource: 'https://d111111abcdef8.cloudfront.net/videos/*' });
    expect(result.curl).toBe(
      `curl -sS -D - -o /dev/null -b 'CloudFront-Policy=${result.cookies[0]!.value}; CloudFront-Signature=sig; CloudFront-Key-Pair-Id=K1ABCDEFGH' 'https://d111111abcdef8.cloudfront.net/videos/intro.mp4'`,
    );
  });
});
