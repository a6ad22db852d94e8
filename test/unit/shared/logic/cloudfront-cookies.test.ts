import { describe, expect, it } from 'vitest';
import { cookieHeader, cookieScope, readCookies, setCookieHeaders, signedCookies } from '../../../../shared/logic/cloudfront-cookies';
import { curlCommand, shellQuote } from '../../../../shared/logic/cloudfront-curl';

describe('signed cookies', () => {
  it('carries the policy for a custom policy and the expiry for a canned one, then signature and key ID', () => {
    expect(signedCookies({ kind: 'custom', encodedPolicy: 'eyJ', expiresAt: 5, signature: 'sig', keyPairId: 'K2JCJMDEHXQW5F' }).map((c) => c.name)).toEqual([
      'CloudFront-Policy',
      'CloudFront-Signature',
      'CloudFront-Key-Pair-Id',
    ]);
    expect(signedCookies({ kind: 'canned', encodedPolicy: '', expiresAt: 5, signature: 'sig', keyPairId: 'K2JCJMDEHXQW5F' })[0]).toEqual({ name: 'CloudFront-Expires', value: '5' });
  });

  it('scopes cookies to the distribution host and the directory the wildcard opens', () => {
    const scope = cookieScope('https://d111111abcdef8.cloudfront.net/videos/intro.mp4', 'https://d111111abcdef8.cloudfront.net/videos/*', 'custom');
    expect(scope).toMatchObject({ domain: 'd111111abcdef8.cloudfront.net', path: '/videos/', secure: true });
    expect(scope.advice[0]).toMatch(/must itself come from d111111abcdef8\.cloudfront\.net, .* Domain=\*\.cloudfront\.net/);
    expect(scope.advice.join(' ')).toMatch(/Leave out Expires and Max-Age/);
    expect(cookieScope('https://cdn.example.com/a/b.jpg', 'https://*.example.com/*', 'custom').path).toBe('/');
    expect(cookieScope('https://cdn.example.com/a/b.jpg', '*', 'custom').path).toBe('/');
  });

  it('warns about http:// and about a canned policy unlocking one file', () => {
    const scope = cookieScope('http://cdn.example.com/a/b.jpg', 'http://cdn.example.com/a/b.jpg', 'canned');
    expect(scope.secure).toBe(false);
    expect(scope.advice.join(' ')).toMatch(/without Secure/);
    expect(scope.advice.join(' ')).toMatch(/A canned policy unlocks only http:\/\/cdn\.example\.com\/a\/b\.jpg\. Sign with a wildcard resource \(for example http:\/\/cdn\.example\.com\/\*\)/);
    expect(scope.advice[0]).toMatch(/Domain=example\.com covers app\.example\.com and cdn\.example\.com/);
  });

  it('writes Set-Cookie headers and the Cookie header a browser sends', () => {
    const cookies = signedCookies({ kind: 'canned', encodedPolicy: '', expiresAt: 5, signature: 'sig', keyPairId: 'K1' });
    const scope = cookieScope('https://cdn.example.com/a/b.jpg', 'https://cdn.example.com/a/b.jpg', 'canned');
    expect(setCookieHeaders(cookies, scope)[1]).toBe('CloudFront-Signature=sig; Domain=cdn.example.com; Path=/a/; Secure; HttpOnly');
    expect(cookieHeader(cookies)).toBe('CloudFront-Expires=5; CloudFront-Signature=sig; CloudFront-Key-Pair-Id=K1');
  });

  it('finds CloudFront cookies in a Cookie header, Set-Cookie lines or a curl command', () => {
    expect(readCookies("curl -b 'CloudFront-Policy=eyJ; CloudFront-Signature=ab~c_; CloudFront-Key-Pair-Id=K1' 'https://x/'")).toEqual({
      'CloudFront-Policy': ['eyJ'],
      'CloudFront-Signature': ['ab~c_'],
      'CloudFront-Key-Pair-Id': ['K1'],
    });
    expect(readCookies('Set-Cookie: CloudFront-Expires=5; Path=/\nSet-Cookie: CloudFront-Expires=6; Path=/')).toEqual({ 'CloudFront-Expires': ['5', '6'] });
    expect(readCookies('nothing here')).toEqual({});
  });
});

describe('curl commands', () => {
  it('quotes for POSIX shells, single quotes included', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(curlCommand('https://cdn.example.com/a?x=1&y=2')).toBe("curl -sS -D - -o /dev/null 'https://cdn.example.com/a?x=1&y=2'");
    expect(curlCommand('https://cdn.example.com/a', 'CloudFront-Expires=5')).toBe("curl -sS -D - -o /dev/null -b 'CloudFront-Expires=5' 'https://cdn.example.com/a'");
  });
});
