import { describe, expect, it } from 'vitest';
import { PRESIGN_MAX_SECONDS, presignLifetime, s3ObjectUrl } from '../../../../shared/logic/s3-url';

describe('s3ObjectUrl', () => {
  it('names the object the way CloudFormation fetches a TemplateURL: https, bucket in the host', () => {
    expect(s3ObjectUrl('eu-west-1', 'roledeck-templates', 'stacks/web.yaml')).toBe('https://roledeck-templates.s3.eu-west-1.amazonaws.com/stacks/web.yaml');
  });

  it('puts a dotted bucket name in the path, where S3’s certificate still matches', () => {
    expect(s3ObjectUrl('us-east-1', 'templates.example.com', 'a.json')).toBe('https://s3.us-east-1.amazonaws.com/templates.example.com/a.json');
  });

  it('uses the China partition’s domain for cn- regions', () => {
    expect(s3ObjectUrl('cn-north-1', 'b', 'k')).toBe('https://b.s3.cn-north-1.amazonaws.com.cn/k');
  });

  it('encodes each key segment but keeps the slashes', () => {
    expect(s3ObjectUrl('eu-west-1', 'b', 'my stacks/v1+2/ä.yaml')).toBe('https://b.s3.eu-west-1.amazonaws.com/my%20stacks/v1%2B2/%C3%A4.yaml');
  });
});

describe('presignLifetime', () => {
  const now = 1_000_000;

  it('gives what was asked when nothing shorter applies', () => {
    expect(presignLifetime(3600, now, undefined)).toEqual({ seconds: 3600, limitedBy: 'requested' });
    expect(presignLifetime(3600, now, now + 7200_000)).toEqual({ seconds: 3600, limitedBy: 'requested' });
  });

  it('caps at SigV4’s seven days', () => {
    expect(presignLifetime(30 * 86_400, now, undefined)).toEqual({ seconds: PRESIGN_MAX_SECONDS, limitedBy: 'sigv4-maximum' });
  });

  it('caps at the signing session’s expiry, which ends the link whatever X-Amz-Expires says', () => {
    expect(presignLifetime(86_400, now, now + 600_000)).toEqual({ seconds: 600, limitedBy: 'session-expiry' });
    expect(presignLifetime(30 * 86_400, now, now + 36 * 3600_000)).toEqual({ seconds: 36 * 3600, limitedBy: 'session-expiry' });
  });

  it('leaves nothing for a session that has already expired', () => {
    expect(presignLifetime(60, now, now - 1).seconds).toBeLessThan(1);
  });
});
