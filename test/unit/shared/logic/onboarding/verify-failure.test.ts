import { describe, expect, it } from 'vitest';
import { VerifyFailureSchema } from '../../../../../shared/domain/onboarding';
import type { AccessStep } from '../../../../../shared/logic/access-diagnosis';
import { classifyVerifyFailure, type VerifyAttempt } from '../../../../../shared/logic/onboarding/verify-failure';

const ROLE = 'arn:aws:iam::222222222222:role/RoledeckAccess';
const DENIED = `User: arn:aws:iam::111111111111:user/consultant is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`;
const step: AccessStep = { profileName: 'acme', operation: 'AssumeRole', roleArn: ROLE, hasExternalId: true, source: 'user-keys', signedBy: 'consultant', mfa: 'none' };
const attempt = (overrides: Partial<VerifyAttempt> = {}): VerifyAttempt => ({ step, code: 'AccessDenied', message: DENIED, at: 5000, lastVerifiedAt: 1000, ...overrides });

describe('why verify-all failed for a customer', () => {
  it('access worked before and nothing changed here: the role was deleted or its trust changed (ExternalId, principal, MFA)', () => {
    const failure = classifyVerifyFailure(attempt());
    expect(failure.kinds).toEqual(['trust-changed', 'role-deleted', 'external-id-changed', 'mfa-now-required']);
    expect(failure.headline).toBe('RoledeckAccess no longer lets us in');
    expect(failure.explanation).toBe(
      'Access worked before and nothing changed on our side, so something changed in the customer’s account: its trust policy no longer names us, the role was deleted, ' +
        'its ExternalId differs from ours or it now requires MFA, which this profile does not use. AWS refuses all of these with the same AccessDenied for ' +
        'arn:aws:iam::111111111111:user/consultant. Ask the customer’s admin to open IAM → Roles → RoledeckAccess → Trust relationships and compare it with the trust policy from the setup (or send them the setup again).',
    );
    expect(VerifyFailureSchema.safeParse(failure).success).toBe(true);
  });

  it('leaves MFA out when the session already had MFA, or a retry with MFA failed too', () => {
    expect(classifyVerifyFailure(attempt({ step: { ...step, mfa: 'inherited' } })).kinds).not.toContain('mfa-now-required');
    expect(classifyVerifyFailure(attempt({ mfaRetry: 'failed' })).kinds).toEqual(['trust-changed', 'role-deleted', 'external-id-changed']);
  });

  it('MFA now required: a retry with an MFA session got in', () => {
    expect(classifyVerifyFailure(attempt({ mfaRetry: 'succeeded' }))).toMatchObject({
      kinds: ['mfa-now-required'],
      headline: 'RoledeckAccess now requires MFA',
      explanation: expect.stringMatching(/Add your MFA device to acme/),
    });
  });

  it('ExternalId changed: ours changed since access last worked', () => {
    expect(classifyVerifyFailure(attempt({ externalIdChangedSinceVerified: true }))).toMatchObject({
      kinds: ['external-id-changed'],
      explanation: expect.stringMatching(/customer’s trust policy still has the old one/),
    });
  });

  it('a trust policy naming our user adds the hint about a recreated user', () => {
    expect(classifyVerifyFailure(attempt({ trustsUser: true })).explanation).toMatch(/shows an ID \(AIDA…\) instead of its ARN/);
  });

  it('never worked: the setup is not finished, with the step-2 diagnosis', () => {
    expect(classifyVerifyFailure(attempt({ lastVerifiedAt: undefined }))).toMatchObject({
      kinds: ['not-set-up'],
      headline: 'RoledeckAccess does not let us in yet',
      explanation: expect.stringMatching(/check step 2 of the customer setup.*has never worked/),
    });
  });

  it('the role’s maximum session was lowered after it worked', () => {
    const lowered = attempt({ step: { ...step, durationSeconds: 14_400 }, code: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });
    expect(classifyVerifyFailure(lowered)).toMatchObject({ kinds: ['max-session-lowered'], headline: 'RoledeckAccess’s maximum session duration was lowered' });
    expect(classifyVerifyFailure({ ...lowered, lastVerifiedAt: undefined }).kinds).toEqual(['our-side']);
  });

  it.each([
    ['InvalidClientTokenId', 'The security token included in the request is invalid.', /access key ID of consultant/],
    ['AccessDenied', `${DENIED} because no identity-based policy allows the sts:AssumeRole action`, /a policy on your side/],
    ['RequestExpired', 'Request has expired.', /clock/],
    ['ECONNREFUSED', 'connect ECONNREFUSED', /Could not reach AWS STS/],
  ])('%s is on our side, in access diagnosis’s words', (code, message, explanation) => {
    expect(classifyVerifyFailure(attempt({ code, message }))).toMatchObject({ kinds: ['our-side'], headline: 'The problem is on our side', explanation: expect.stringMatching(explanation) });
  });

  it('anything else is unknown, with AWS’s words', () => {
    expect(classifyVerifyFailure(attempt({ code: 'Throttling', message: 'Rate exceeded' }))).toMatchObject({ kinds: ['unknown'], explanation: expect.stringMatching(/Throttling: Rate exceeded/) });
  });
});
