import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendParams, canonicalizeResource, canonicalizeUrl, matchesResource, splitSignedUrl } from '../../../../shared/logic/cloudfront-url';

function url(text: string) {
  const result = canonicalizeUrl(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

function refusal(text: string): string {
  const result = canonicalizeUrl(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.message;
}

describe('URLs as CloudFront compares them', () => {
  it('leaves an ordinary URL alone', () => {
    expect(url('https://d111111abcdef8.cloudfront.net/images/image.jpg')).toEqual({
      ok: true,
      url: 'https://d111111abcdef8.cloudfront.net/images/image.jpg',
      fragment: '',
      changed: false,
    });
  });

  it('percent-encodes a non-ASCII path as UTF-8, and an already-encoded one the same way', () => {
    const raw = url('https://d111111abcdef8.cloudfront.net/vidéos/日本語 file.mp4');
    expect(raw.url).toBe('https://d111111abcdef8.cloudfront.net/vid%C3%A9os/%E6%97%A5%E6%9C%AC%E8%AA%9E%20file.mp4');
    expect(raw.changed).toBe(true);
    expect(url('https://d111111abcdef8.cloudfront.net/vid%c3%a9os/%E6%97%A5%E6%9C%AC%E8%AA%9E%20file.mp4').url).toBe(raw.url);
  });

  it('keeps an existing query string, its escapes and its plus signs, encoding only what a browser would', () => {
    expect(url("https://d111111abcdef8.cloudfront.net/a.pdf?response-content-disposition=attachment%3B%20filename%2A%3DUTF-8''r%C3%A9sum%C3%A9.pdf&v=a+b").url).toBe(
      'https://d111111abcdef8.cloudfront.net/a.pdf?response-content-disposition=attachment%3B%20filename%2A%3DUTF-8%27%27r%C3%A9sum%C3%A9.pdf&v=a+b',
    );
    expect(url('https://d111111abcdef8.cloudfront.net/a.jpg?size=large&color=rouge é').url).toBe(
      'https://d111111abcdef8.cloudfront.net/a.jpg?size=large&color=rouge%20%C3%A9',
    );
  });

  it('spells every URL in one stable way: encoding a canonical URL again changes nothing', () => {
    const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((text) => !/[/?#]/.test(text) && !/\p{Cc}/u.test(text));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.option(fc.array(fc.tuple(segment, segment), { maxLength: 3 })), (segments, query) => {
        const input = `https://d111111abcdef8.cloudfront.net/${segments.join('/')}${query ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`;
        const first = url(input).url;
        expect(first).toMatch(/^[\x21-\x7e]+$/);
        expect(url(first)).toMatchObject({ url: first, changed: false });
      }),
    );
  });

  it('adds the "/" a browser requests when the URL has no path, and lowercases scheme and host', () => {
    expect(url('HTTPS://D111111ABCDEF8.cloudfront.net').url).toBe('https://d111111abcdef8.cloudfront.net/');
    expect(url('https://cdn.example.com?x=1').url).toBe('https://cdn.example.com/?x=1');
  });

  it('keeps the #fragment apart: browsers never send it', () => {
    expect(url('https://cdn.example.com/doc.html#part-2')).toMatchObject({ url: 'https://cdn.example.com/doc.html', fragment: '#part-2' });
  });

  it('refuses a URL without a scheme, and says what to add', () => {
    expect(refusal('d111111abcdef8.cloudfront.net/image.jpg')).toBe(
      'The URL has no scheme: add https:// in front (for example https://d111111abcdef8.cloudfront.net/image.jpg).',
    );
    expect(refusal('cdn.example.com:8443/a')).toMatch(/no scheme/);
  });

  it('refuses what CloudFront cannot sign', () => {
    expect(refusal('ftp://cdn.example.com/a')).toMatch(/http:\/\/ and https:\/\//);
    expect(refusal('mailto:someone@example.com')).toMatch(/not a web address/);
    expect(refusal('https://user:pw@cdn.example.com/a')).toMatch(/user name or password/);
    expect(refusal('https://bücher.example/a')).toMatch(/xn-- \(punycode\)/);
    expect(refusal('https://cdn..example.com/a')).toMatch(/not a valid host/);
    expect(refusal('https://cdn.example.com/a\nhttps://cdn.example.com/b')).toMatch(/one URL per line/);
    expect(refusal('https://cdn.example.com/\uD800')).toMatch(/broken character/);
    expect(refusal('')).toBe('No URL given.');
  });

  it('refuses a URL that is already signed, pointing to Inspect', () => {
    expect(refusal('https://cdn.example.com/a.jpg?Expires=1&Signature=x&Key-Pair-Id=K1')).toMatch(/already carries CloudFront signature parameters \(Expires, Signature, Key-Pair-Id\)\. Inspect it/);
  });

  it('appends signature parameters with "?" or, after an existing query, "&"', () => {
    expect(appendParams('https://cdn.example.com/a', [['Expires', '1'], ['Signature', 's']])).toBe('https://cdn.example.com/a?Expires=1&Signature=s');
    expect(appendParams('https://cdn.example.com/a?v=2', [['Expires', '1']])).toBe('https://cdn.example.com/a?v=2&Expires=1');
  });
});

describe('policy resources', () => {
  it('spells a resource like the URLs it must match, keeping its wildcards', () => {
    expect(canonicalizeResource('https://d111111abcdef8.cloudfront.net/vidéos/*')).toEqual({
      ok: true,
      resource: 'https://d111111abcdef8.cloudfront.net/vid%C3%A9os/*',
      wildcard: true,
    });
    expect(canonicalizeResource('https://*.example.com/*')).toMatchObject({ ok: true, wildcard: true });
    expect(canonicalizeResource('*')).toEqual({ ok: true, resource: '*', wildcard: true });
    expect(canonicalizeResource('https://cdn.example.com/a.jpg')).toEqual({ ok: true, resource: 'https://cdn.example.com/a.jpg', wildcard: false });
  });

  it('refuses a resource CloudFront would not read', () => {
    expect(canonicalizeResource('cdn.example.com/*')).toMatchObject({ ok: false, message: expect.stringMatching(/^The resource has no scheme/) });
    expect(canonicalizeResource('https://cdn.example.com/a#b')).toMatchObject({ ok: false, message: expect.stringMatching(/#fragment/) });
    expect(canonicalizeResource('*/é')).toMatchObject({ ok: false });
  });

  it('matches * to any run of characters and ? to exactly one, like CloudFront', () => {
    expect(matchesResource('https://d1.cloudfront.net/videos/*', 'https://d1.cloudfront.net/videos/a/b.mp4?x=1')).toBe(true);
    expect(matchesResource('https://d1.cloudfront.net/videos/*', 'https://d1.cloudfront.net/images/a.jpg')).toBe(false);
    expect(matchesResource('https://d1.cloudfront.net/*game_download.zip*', 'https://d1.cloudfront.net/game_download.zip')).toBe(true);
    expect(matchesResource('https://d1.cloudfront.net/*game_download.zip*', 'https://d1.cloudfront.net/test_game_download.zip?license=temp')).toBe(true);
    expect(matchesResource('https://d1.cloudfront.net/a?.jpg', 'https://d1.cloudfront.net/ab.jpg')).toBe(true);
    expect(matchesResource('https://d1.cloudfront.net/a?.jpg', 'https://d1.cloudfront.net/a.jpg')).toBe(false);
    expect(matchesResource('*', 'https://anything/')).toBe(true);
  });

  it('matches a pattern made of stars in linear time', () => {
    const started = performance.now();
    expect(matchesResource(`${'*a'.repeat(30)}b`, 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('signed URLs taken apart', () => {
  it('finds the signature parameters and the URL CloudFront checks them against', () => {
    expect(splitSignedUrl('https://cdn.example.com/a.jpg?size=large&Expires=10&Signature=s&Key-Pair-Id=K1#x')).toEqual({
      base: 'https://cdn.example.com/a.jpg?size=large',
      params: { Expires: ['10'], Signature: ['s'], 'Key-Pair-Id': ['K1'] },
    });
    expect(splitSignedUrl('https://cdn.example.com/a.jpg?Policy=p&Signature=s&Signature=t')).toEqual({
      base: 'https://cdn.example.com/a.jpg',
      params: { Policy: ['p'], Signature: ['s', 't'] },
    });
    expect(splitSignedUrl('not a url')).toBeNull();
  });
});
