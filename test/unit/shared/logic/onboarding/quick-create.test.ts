import { describe, expect, it } from 'vitest';
import {
  describePresignLifetime,
  formatUtc,
  presignedUrlExpiry,
  isAmazonS3Url,
  presignLifetime,
  quickCreateUrl,
  SIGV4_PRESIGN_MAX_SECONDS,
  type QuickCreateInput,
} from '../../../../../shared/logic/onboarding/quick-create';

const TEMPLATE = 'https://roledeck-templates.s3.eu-west-1.amazonaws.com/acme/role.yaml?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260301T120000Z&X-Amz-Expires=604800&X-Amz-Signature=abc';
const input = (overrides: Partial<QuickCreateInput> = {}): QuickCreateInput => ({
  partition: 'aws',
  region: 'eu-west-1',
  templateUrl: TEMPLATE,
  stackName: 'roledeck-RoledeckAccess',
  parameters: { ExternalId: 'abc123' },
  ...overrides,
});

describe('quick-create link', () => {
  it('has the documented form, with the template URL encoded', () => {
    const result = quickCreateUrl(input());
    expect(result).toEqual({
      ok: true,
      url:
        'https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/quickcreate?' +
        `templateURL=${encodeURIComponent(TEMPLATE)}&stackName=roledeck-RoledeckAccess&param_ExternalId=abc123`,
    });
  });

  it('carries the template URL and every parameter back out intact', () => {
    const result = quickCreateUrl(input({ parameters: { ExternalId: 'a+b=c,d.e@f:g/h-i', Other: 'x y&z' } }));
    if (!result.ok) throw new Error(result.message);
    const query = new URLSearchParams(new URL(result.url).hash.split('?')[1]);
    expect(query.get('templateURL')).toBe(TEMPLATE);
    expect(query.get('param_ExternalId')).toBe('a+b=c,d.e@f:g/h-i');
    expect(query.get('param_Other')).toBe('x y&z');
  });

  it.each([
    ['aws-cn', 'cn-north-1', 'https://console.amazonaws.cn/cloudformation/home?region=cn-north-1#'],
    ['aws-us-gov', 'us-gov-west-1', 'https://console.amazonaws-us-gov.com/cloudformation/home?region=us-gov-west-1#'],
  ] as const)('uses the %s console', (partition, region, start) => {
    const templateUrl = partition === 'aws-cn' ? 'https://b.s3.cn-north-1.amazonaws.com.cn/t.yaml' : 'https://b.s3.us-gov-west-1.amazonaws.com/t.yaml';
    const result = quickCreateUrl(input({ partition, region, templateUrl }));
    expect(result.ok && result.url.startsWith(start)).toBe(true);
  });

  it.each([
    ['https://bucket.s3.amazonaws.com/t.yaml', true],
    ['https://s3.eu-west-1.amazonaws.com/bucket/t.yaml', true],
    ['https://bucket.s3-eu-west-1.amazonaws.com/t.yaml', true],
    ['https://bucket.s3.dualstack.eu-west-1.amazonaws.com/t.yaml', true],
    ['http://bucket.s3.amazonaws.com/t.yaml', false],
    ['https://example.com/t.yaml', false],
    ['https://s3.amazonaws.com.evil.example/t.yaml', false],
    ['not a url', false],
  ])('template at %s: accepted %s', (templateUrl, accepted) => {
    expect(quickCreateUrl(input({ templateUrl })).ok).toBe(accepted);
  });

  it('refuses a template URL over CloudFormation’s 1,024 characters and says why it got long', () => {
    const long = `${TEMPLATE}&X-Amz-Security-Token=${'t'.repeat(900)}`;
    const result = quickCreateUrl(input({ templateUrl: long }));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/accepts at most 1024.*temporary credentials carries the whole session token/) });
  });

  it('builds a link to an S3 endpoint set with AWS_ENDPOINT_URL only when asked to, and keeps the length rule then too', () => {
    const local = 'http://127.0.0.1:4566/our-bucket/t.yaml?X-Amz-Expires=60';
    expect(isAmazonS3Url(local)).toBe(false);
    expect(isAmazonS3Url(TEMPLATE)).toBe(true);
    expect(quickCreateUrl(input({ templateUrl: local })).ok).toBe(false);
    expect(quickCreateUrl(input({ templateUrl: local, allowTemplateOutsideS3: true }))).toMatchObject({ ok: true, url: expect.stringContaining(encodeURIComponent(local)) });
    expect(quickCreateUrl(input({ templateUrl: `${local}&t=${'x'.repeat(1100)}`, allowTemplateOutsideS3: true })).ok).toBe(false);
  });

  it('refuses to fill a NoEcho parameter, which the console would silently ignore', () => {
    expect(quickCreateUrl(input({ noEchoParameters: ['ExternalId'] }))).toEqual({ ok: false, message: expect.stringMatching(/ignores NoEcho parameters .*\(ExternalId\)/) });
  });
});

describe('how long a presigned template URL stays valid', () => {
  const now = Date.UTC(2026, 2, 1, 12);
  it.each([
    { name: 'as asked, within 7 days', requested: 3600, expires: undefined, seconds: 3600, limitedBy: 'requested' },
    { name: 'at most 7 days with long-term keys', requested: 30 * 86400, expires: undefined, seconds: SIGV4_PRESIGN_MAX_SECONDS, limitedBy: 'sigv4-maximum' },
    { name: 'no longer than the signing session', requested: 7 * 86400, expires: now + 2 * 3600_000, seconds: 7200, limitedBy: 'credentials' },
    { name: 'the 7-day cap wins over a longer session', requested: 30 * 86400, expires: now + 10 * 86400_000, seconds: SIGV4_PRESIGN_MAX_SECONDS, limitedBy: 'sigv4-maximum' },
    { name: 'nothing from an expired session', requested: 3600, expires: now - 1000, seconds: 0, limitedBy: 'credentials' },
  ])('$name', ({ requested, expires, seconds, limitedBy }) => {
    expect(presignLifetime({ requestedSeconds: requested, now, credentialsExpireAt: expires })).toEqual({ expiresInSeconds: seconds, validUntil: now + seconds * 1000, limitedBy });
  });

  it('says in words until when the link works and what limited it', () => {
    const lifetime = (requestedSeconds: number, credentialsExpireAt?: number) => describePresignLifetime(presignLifetime({ requestedSeconds, now, credentialsExpireAt }));
    expect(lifetime(3600)).toBe('The link works until 2026-03-01 13:00 UTC.');
    expect(lifetime(30 * 86400)).toBe('The link works until 2026-03-08 12:00 UTC: 7 days is the longest a presigned URL can last.');
    expect(lifetime(86400, now + 3600_000)).toBe('The link works until 2026-03-01 13:00 UTC, when the session that signed it ends. Presigned with an IAM user’s keys it could last up to 7 days.');
    expect(lifetime(86400, now - 1)).toMatch(/^The session that would sign the link has expired/);
  });

  it('reads the expiry from a presigned URL, and whether a session signed it', () => {
    expect(presignedUrlExpiry(TEMPLATE)).toEqual({ validUntil: Date.UTC(2026, 2, 1, 12) + 604_800_000, sessionSigned: false });
    expect(presignedUrlExpiry(`${TEMPLATE}&X-Amz-Security-Token=tok`)?.sessionSigned).toBe(true);
    expect(presignedUrlExpiry('https://bucket.s3.amazonaws.com/t.yaml')).toBeNull();
  });

  it('prints times in UTC, the same in every time zone', () => {
    expect(formatUtc(Date.UTC(2026, 2, 8, 12, 5, 59))).toBe('2026-03-08 12:05 UTC');
  });
});
