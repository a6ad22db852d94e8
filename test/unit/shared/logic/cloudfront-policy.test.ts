import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePolicyKind, parsePolicy, policyJson } from '../../../../shared/logic/cloudfront-policy';

describe('CloudFront policy statements', () => {
  it('writes a canned policy exactly as CloudFront rebuilds it: no whitespace, one statement', () => {
    expect(policyJson({ resource: 'https://d111111abcdef8.cloudfront.net/image.jpg', expiresAt: 1357034400 })).toBe(
      '{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/image.jpg","Condition":{"DateLessThan":{"AWS:EpochTime":1357034400}}}]}',
    );
  });

  it('writes a custom policy with start time and IP range after the expiry', () => {
    expect(policyJson({ resource: 'https://cdn.example.com/*', expiresAt: 20, notBefore: 10, ipRange: '192.0.2.0/24' })).toBe(
      '{"Statement":[{"Resource":"https://cdn.example.com/*","Condition":{"DateLessThan":{"AWS:EpochTime":20},"DateGreaterThan":{"AWS:EpochTime":10},"IpAddress":{"AWS:SourceIp":"192.0.2.0/24"}}}]}',
    );
  });

  it('always writes JSON that reads back as the same statement', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        (resource, expiresAt, notBefore, ipRange) => {
          const statement = { resource, expiresAt, ...(notBefore !== undefined ? { notBefore } : {}), ...(ipRange !== undefined ? { ipRange } : {}) };
          const json = policyJson(statement);
          expect(json.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/\s/); // no whitespace outside strings
          expect(parsePolicy(json)).toEqual({ ok: true, statement });
        },
      ),
    );
  });

  it('chooses canned for one URL until one time, and says why it chooses custom', () => {
    expect(choosePolicyKind({ resource: 'https://a/b', wildcard: false, resourceIsUrl: true }).kind).toBe('canned');
    const wildcard = choosePolicyKind({ resource: 'https://a/*', wildcard: true, resourceIsUrl: false });
    expect(wildcard).toEqual({ kind: 'custom', reason: expect.stringMatching(/resource https:\/\/a\/\* has a wildcard, and only a custom policy can cover more than one URL/) });
    expect(choosePolicyKind({ resource: 'https://a/b', wildcard: false, resourceIsUrl: true, notBefore: 0 }).reason).toMatch(/"not before" 1970-01-01T00:00:00Z\) needs a custom policy/);
    expect(choosePolicyKind({ resource: 'https://a/b', wildcard: false, resourceIsUrl: true, ipRange: '192.0.2.0/24' }).reason).toMatch(/IP range \(192\.0\.2\.0\/24\)/);
  });

  it('names the part of a policy CloudFront would not accept', () => {
    expect(parsePolicy('{"Statement":')).toEqual({ ok: false, message: 'The policy is not valid JSON.' });
    expect(parsePolicy('{"Statement":[]}')).toMatchObject({ ok: false, message: expect.stringMatching(/exactly one statement/) });
    expect(parsePolicy('{"Statement":[{"Resource":"x","Condition":{}}]}')).toMatchObject({ ok: false, message: expect.stringMatching(/DateLessThan/) });
    expect(parsePolicy('{"Statement":[{"Resource":"x","Condition":{"DateLessThan":{"AWS:EpochTime":"1"}}}]}')).toMatchObject({ ok: false });
    expect(parsePolicy('{"Statement":[{"Resource":"x","Condition":{"DateLessThan":{"AWS:EpochTime":1},"DateGreater":{"AWS:EpochTime":1}}}]}')).toMatchObject({ ok: false });
  });
});
