import { describe, expect, it } from 'vitest';
import { ROLE_INLINE_POLICIES_MAX_CHARS } from '../../../../../shared/domain/iam-policy';
import { checkPolicyText, formatCount } from '../../../../../shared/logic/iam-policy/policy-text';

const VALID = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadLogs",
      "Effect": "Allow",
      "Action": "logs:GetLogEvents",
      "Resource": "*"
    }
  ]
}`;

/** A policy whose compact JSON has exactly `characters` characters, indented so the text is much longer. */
function policyOfSize(characters: number): string {
  const base = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/' }] };
  const padding = characters - JSON.stringify(base).length;
  base.Statement[0]!.Resource += 'x'.repeat(padding);
  return JSON.stringify(base, null, 4);
}

describe('custom policy text', () => {
  it('accepts a valid policy and counts it without white space', () => {
    const check = checkPolicyText(VALID, 'identity');
    expect(check).toMatchObject({ ok: true, issues: [] });
    expect(check.characters).toBe(JSON.stringify(JSON.parse(VALID)).length);
  });

  it('invalid JSON: the message gives the line and column', () => {
    const broken = VALID.replace('"Effect": "Allow",', '"Effect": "Allow"');
    const check = checkPolicyText(broken, 'identity');
    expect(check.ok).toBe(false);
    expect(check.issues).toEqual([
      expect.objectContaining({
        line: 7,
        column: 7,
        message: `The policy is not valid JSON at line 7, column 7: expected a comma (,) or } after the value, found '"' (U+0022): is a comma missing?`,
      }),
    ]);
  });

  it('a trailing comma, a missing bracket and smart quotes each point at their spot', () => {
    expect(checkPolicyText(VALID.replace('"Resource": "*"', '"Resource": "*",'), 'identity').issues[0]).toMatchObject({ line: 9, column: 5, message: expect.stringMatching(/remove the last comma/) });
    expect(checkPolicyText(VALID.slice(0, -1), 'identity').issues[0]).toMatchObject({ line: 11, column: 1, message: expect.stringMatching(/text ends before/) });
    expect(checkPolicyText(VALID.replace('"ReadLogs"', '“ReadLogs”'), 'identity').issues[0]).toMatchObject({ line: 5, column: 14, message: expect.stringMatching(/typographic quote/) });
  });

  it('characters IAM refuses inside a valid JSON string are named with their place', () => {
    const check = checkPolicyText(VALID.replace('"ReadLogs"', '"Read—Logs"'), 'identity');
    expect(check.ok).toBe(false);
    expect(check.issues[0]).toMatchObject({ line: 5, column: 19, message: expect.stringMatching(/contains '—' \(U\+2014\) at line 5, column 19: IAM accepts only tab, line breaks and characters U\+0020–U\+00FF/) });
  });

  it('grammar breaks name the statement and field', () => {
    const check = checkPolicyText(VALID.replace('"logs:GetLogEvents"', '"GetLogEvents"'), 'identity');
    expect(check.ok).toBe(false);
    expect(check.issues.map((issue) => issue.message)).toEqual([
      'Statement 1 (Sid "ReadLogs"), Action: "GetLogEvents" is not an action: write service:Action, e.g. s3:GetObject (wildcards * and ? allowed)',
    ]);
  });

  it('a key given twice is a warning with its place; the policy still passes', () => {
    const check = checkPolicyText(VALID.replace('"Resource": "*"', '"Resource": "*",\n      "Resource": "arn:aws:logs:*:*:*"'), 'identity');
    expect(check.ok).toBe(true);
    expect(check.issues).toEqual([expect.objectContaining({ severity: 'warning', line: 9, column: 7, message: expect.stringMatching(/"Resource" appears twice/) })]);
  });

  it('an empty paste says so', () => {
    expect(checkPolicyText('  \n', 'identity').issues[0]?.message).toBe('The policy is empty: paste the policy JSON');
  });

  it('over the role inline limit: refused with the count; at the limit: accepted, however much white space', () => {
    const atLimit = policyOfSize(ROLE_INLINE_POLICIES_MAX_CHARS);
    expect(atLimit.length).toBeGreaterThan(ROLE_INLINE_POLICIES_MAX_CHARS);
    expect(checkPolicyText(atLimit, 'identity')).toMatchObject({ ok: true, characters: 10_240 });

    const over = checkPolicyText(policyOfSize(ROLE_INLINE_POLICIES_MAX_CHARS + 1), 'identity');
    expect(over.ok).toBe(false);
    expect(over.issues.map((issue) => issue.message)).toEqual([
      'The policy has 10,241 characters (white space not counted); a role’s inline policies may have 10,240 together. Shorten it: use wildcards (s3:Get*), merge statements that share a Resource, or attach AWS managed policies instead.',
    ]);
  });

  it('a trust policy is held to 2,048 characters, or to the limit the caller passes', () => {
    const trustOfSize = (characters: number) => {
      const base = { Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }] };
      base.Statement[0]!.Sid = 'x'.repeat(characters - JSON.stringify(base).length);
      return JSON.stringify(base, null, 2);
    };
    expect(checkPolicyText(trustOfSize(2048), 'trust')).toMatchObject({ ok: true, characters: 2048 });
    expect(checkPolicyText(trustOfSize(2049), 'trust').issues.map((issue) => issue.message)).toEqual([
      'The policy has 2,049 characters (white space not counted); a role trust policy may have 2,048 unless the account’s quota was raised. Shorten it: fewer principals or conditions.',
    ]);
    expect(checkPolicyText(trustOfSize(2049), 'trust', 4096).ok).toBe(true);
  });

  it('formats counts with thousands separators', () => {
    expect([formatCount(7), formatCount(2048), formatCount(10240), formatCount(1234567)]).toEqual(['7', '2,048', '10,240', '1,234,567']);
  });
});
