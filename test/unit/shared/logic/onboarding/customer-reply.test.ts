import { describe, expect, it } from 'vitest';
import { parseCustomerReply, type ExpectedRole } from '../../../../../shared/logic/onboarding/customer-reply';

const expected: ExpectedRole = { partition: 'aws', roleName: 'RoledeckAccess', allowList: [] };
const ROLE = 'arn:aws:iam::222222222222:role/RoledeckAccess';

describe('an account ID from the customer', () => {
  it.each([
    ['222222222222'],
    ['  222222222222\n'],
    ['2222-2222-2222'],
    ['2222 2222 2222'],
    ['"222222222222".'],
  ])('%j gives the role ARN we asked for', (text) => {
    expect(parseCustomerReply(text, expected)).toEqual({ ok: true, from: 'account-id', accountId: '222222222222', roleArn: ROLE, warnings: [] });
  });

  it.each([
    ['22222222222', 'The account ID has 11 digits; it needs 12. If it started with 0, a spreadsheet may have dropped that digit.'],
    ['2222222222222', 'The account ID has 13 digits; it needs 12.'],
    ['2222-2222-222', 'The account ID has 11 digits; it needs 12.'],
    ['2', 'The account ID has 1 digit; it needs 12.'],
  ])('%s: names the wrong length', (text, message) => {
    const reply = parseCustomerReply(text, expected);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.message.startsWith(message)).toBe(true);
  });

  it('warns when the account differs from the one the setup named', () => {
    expect(parseCustomerReply('333333333333', { ...expected, customerAccountId: '222222222222' })).toMatchObject({ ok: true, warnings: [expect.stringMatching(/named the account 222222222222, but the customer sent 333333333333/)] });
  });

  it('says what it expected for anything else', () => {
    expect(parseCustomerReply('acme-prod', expected)).toEqual({ ok: false, message: expect.stringMatching(/neither an account ID \(12 digits\) nor a role ARN \(arn:aws:iam::123456789012:role\/RoledeckAccess\)/) });
    expect(parseCustomerReply('   ', expected)).toEqual({ ok: false, message: 'Paste the account ID or the role ARN the customer sent.' });
  });
});

describe('a role ARN from the customer', () => {
  it.each([
    [ROLE],
    [`"${ROLE}"`],
    [`RoleArn\t${ROLE}\tSend this role ARN back`],
    [`Here it is: ${ROLE}.`],
  ])('%j is read', (text) => {
    expect(parseCustomerReply(text, expected)).toEqual({ ok: true, from: 'role-arn', accountId: '222222222222', roleArn: ROLE, warnings: [] });
  });

  it('says so when the role is not the one we asked for', () => {
    const reply = parseCustomerReply('arn:aws:iam::222222222222:role/AdminRole', expected);
    expect(reply).toMatchObject({ ok: true, roleArn: 'arn:aws:iam::222222222222:role/AdminRole' });
    expect(reply.ok && reply.warnings).toEqual([
      'The role in that ARN is named "AdminRole", but the setup asked for "RoledeckAccess". Our IAM policy allows sts:AssumeRole only on roles named "RoledeckAccess": ask the customer whether they created the right role, or update our policy.',
    ]);
  });

  it('points out a name that differs only in case', () => {
    const reply = parseCustomerReply('arn:aws:iam::222222222222:role/roledeckaccess', expected);
    expect(reply.ok && reply.warnings[0]).toMatch(/differ only in case/);
  });

  it('points out a role path our policy does not match', () => {
    const reply = parseCustomerReply('arn:aws:iam::222222222222:role/vendors/RoledeckAccess', expected);
    expect(reply.ok && reply.warnings).toEqual([expect.stringMatching(/path \/vendors\/; our IAM policy names role\/RoledeckAccess/)]);
  });

  it('turns an assumed-role session ARN into the role ARN, and says so', () => {
    const reply = parseCustomerReply('arn:aws:sts::222222222222:assumed-role/RoledeckAccess/test-session', expected);
    expect(reply).toMatchObject({ ok: true, roleArn: ROLE, warnings: [expect.stringMatching(/ARN of a session, not of the role/)] });
  });

  it.each([
    ['arn:aws:iam::222222222222:user/admin', /ARN of an IAM user/],
    ['arn:aws:iam::22222222222:role/RoledeckAccess', /^In that ARN, the account ID has 11 digits; it needs 12/],
    ['arn:aws:s3:::bucket', /not a role ARN/],
    ['arn:aws-cn:iam::222222222222:role/RoledeckAccess', /in the aws-cn partition, but this setup is for aws/],
  ])('%s is refused', (text, message) => {
    const reply = parseCustomerReply(text, expected);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.message).toMatch(message);
  });

  it('refuses a role the allow-list does not accept, with the allow-list’s own message', () => {
    const reply = parseCustomerReply('arn:aws:iam::222222222222:role/AdminRole', { ...expected, allowList: ['RoledeckAccess'] });
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(/^The role "AdminRole" is not allowed: this installation accepts only roles named "RoledeckAccess"/) });
  });
});
