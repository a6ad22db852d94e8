import { describe, expect, it } from 'vitest';
import { maskKeyId, redactText, redactValue } from '../../../../shared/logic/redact';

const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const sessionToken = `IQoJb3JpZ2luX2VjE${'A'.repeat(300)}==`;
const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----';

describe('redaction', () => {
  it.each([
    ['a bare secret access key', `key is ${secretKey} ok`],
    ['an ini assignment', `aws_secret_access_key = ${secretKey}`],
    ['an env assignment of a token', `AWS_SESSION_TOKEN=${sessionToken}`],
    ['a session token', `token ${sessionToken}`],
    ['a PEM private key', `loaded ${pem} from disk`],
  ])('hides %s', (_name, text) => {
    const out = redactText(text);
    expect(out).toContain('[redacted]');
    expect(out).not.toContain(secretKey);
    expect(out).not.toContain(sessionToken);
    expect(out).not.toContain('MIIEpAIBAAKCAQEA');
  });

  it('keeps ordinary text and ARNs readable', () => {
    const text = 'AssumeRole failed for arn:aws:iam::123456789012:role/ExampleRoleName: AccessDenied';
    expect(redactText(text)).toBe(text);
  });

  it('masks fields named like secrets whatever their value', () => {
    expect(redactValue({ tokenCode: '123456', profile: 'acme', nested: { SecretAccessKey: 'short' } })).toEqual({
      tokenCode: '[redacted]',
      profile: 'acme',
      nested: { SecretAccessKey: '[redacted]' },
    });
  });

  it('masks the middle of an access key ID', () => {
    expect(maskKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA••••••••••••MPLE');
    expect(maskKeyId('short')).toBe('•••••');
  });
});
