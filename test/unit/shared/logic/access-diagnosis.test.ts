import { describe, expect, it } from 'vitest';
import { diagnoseAccess, principalFromMessage, stepDescription, type AccessStep } from '../../../../shared/logic/access-diagnosis';

const ROLE = 'arn:aws:iam::222222222222:role/ExampleRoleName';
const DENIED = `User: arn:aws:iam::111111111111:user/consultant is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`;
const assume = (extra: Partial<AccessStep> = {}): AccessStep => ({
  profileName: 'acme-prod',
  operation: 'AssumeRole',
  roleArn: ROLE,
  hasExternalId: false,
  source: 'user-keys',
  signedBy: 'consultant',
  mfa: 'none',
  ...extra,
});

describe('access diagnosis', () => {
  it('reads the principal AWS names in an AccessDenied', () => {
    expect(principalFromMessage(DENIED)).toBe('arn:aws:iam::111111111111:user/consultant');
  });

  it('AccessDenied without an ExternalId: the trust policy does not name you, or wants an ExternalId — and maybe MFA', () => {
    const { cause, explanation } = diagnoseAccess(assume(), 'AccessDenied', DENIED);
    expect(cause).toBe('trust-policy');
    expect(explanation).toMatch(/trust policy does not name arn:aws:iam::111111111111:user\/consultant/);
    expect(explanation).toMatch(/requires an ExternalId and acme-prod has none set — check step 2 of the customer setup/);
    expect(explanation).toMatch(/may also require MFA/);
  });

  it('AccessDenied with an ExternalId: it differs, or the role requires one — check step 2', () => {
    const { cause, explanation } = diagnoseAccess(assume({ hasExternalId: true, mfa: 'inherited' }), 'AccessDenied', DENIED);
    expect(cause).toBe('external-id');
    expect(explanation).toMatch(/requires an ExternalId and it differs from the one in acme-prod/);
    expect(explanation).toMatch(/check step 2 of the customer setup/);
    expect(explanation).not.toMatch(/MFA/);
  });

  it('AccessDenied from your own side’s policies is a permissions problem, not the trust policy', () => {
    const message = `${DENIED} because no identity-based policy allows the sts:AssumeRole action`;
    expect(diagnoseAccess(assume(), 'AccessDenied', message).cause).toBe('permissions');
  });

  it('a rejected MFA code, and a device AWS cannot match to the user', () => {
    const step: AccessStep = { profileName: 'consultant', operation: 'GetSessionToken', mfa: 'code' };
    expect(diagnoseAccess(step, 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ')).toMatchObject({ cause: 'mfa-code' });
    expect(
      diagnoseAccess(step, 'AccessDenied', 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.').explanation,
    ).toMatch(/MFA device in the profile may not be the one assigned/);
  });

  it('keys: unknown key ID, wrong secret, and a signature refused for the clock', () => {
    expect(diagnoseAccess(assume(), 'InvalidClientTokenId', 'The security token included in the request is invalid.')).toMatchObject({
      cause: 'keys-invalid',
      explanation: expect.stringMatching(/access key ID of consultant/),
    });
    expect(diagnoseAccess(assume(), 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.')).toMatchObject({
      cause: 'keys-invalid',
      explanation: expect.stringMatching(/secret access key stored for consultant/),
    });
    expect(diagnoseAccess(assume(), 'SignatureDoesNotMatch', 'Signature expired: 20261128T090000Z is now earlier than 20261128T091500Z').cause).toBe('clock-skew');
    expect(diagnoseAccess(assume(), 'RequestExpired', 'Request has expired.').cause).toBe('clock-skew');
  });

  it('expired sessions, duration limits, disabled regions, the allow-list and the network', () => {
    expect(diagnoseAccess(assume({ source: 'mfa-session' }), 'ExpiredToken', 'The security token included in the request is expired').explanation).toMatch(/MFA session of consultant/);
    expect(diagnoseAccess(assume(), 'ExpiredTokenException', 'expired').cause).toBe('session-expired');
    expect(
      diagnoseAccess(assume({ durationSeconds: 43_200 }), 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.').explanation,
    ).toMatch(/asks for a 12 h session, more than the role's maximum session duration/);
    expect(
      diagnoseAccess(assume({ durationSeconds: 7200, source: 'role' }), 'ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.').cause,
    ).toBe('duration');
    expect(diagnoseAccess(assume(), 'RegionDisabledException', 'STS is not activated in this region for account:222222222222.').cause).toBe('region-disabled');
    expect(diagnoseAccess(assume({ operation: 'Prepare' }), 'ROLE_NOT_ALLOWED', 'The role "X" is not allowed').cause).toBe('role-not-allowed');
    expect(diagnoseAccess(assume(), 'NetworkError', 'connect ECONNREFUSED 127.0.0.1:1').cause).toBe('network');
    expect(diagnoseAccess(assume(), 'MFA_CANCELLED', 'cancelled').cause).toBe('cancelled');
    expect(diagnoseAccess(assume(), 'Throttling', 'Rate exceeded')).toMatchObject({ cause: 'unknown', explanation: expect.stringMatching(/Throttling: Rate exceeded/) });
  });

  it('names each step by what it did and whose credentials signed it', () => {
    expect(stepDescription(assume())).toBe('assuming acme-prod with consultant’s keys (AssumeRole)');
    expect(stepDescription(assume({ source: 'mfa-session' }))).toBe('assuming acme-prod with consultant’s MFA session (AssumeRole)');
    expect(stepDescription(assume({ profileName: 'prod', signedBy: 'hub', source: 'role' }))).toBe('assuming prod with hub’s session (AssumeRole)');
    expect(stepDescription({ profileName: 'consultant', operation: 'GetSessionToken' })).toBe('getting an MFA session for consultant (GetSessionToken)');
    expect(stepDescription({ profileName: 'consultant', operation: 'GetCallerIdentity' })).toBe('checking who consultant is (GetCallerIdentity)');
  });

  it('says where it could not reach and why, and that nothing was learnt about access', () => {
    const diagnosis = diagnoseAccess(assume(), 'NetworkError', 'Could not reach AWS STS at https://sts.eu-west-1.amazonaws.com: the name does not resolve (DNS)');
    expect(diagnosis.explanation).toBe(
      'Could not reach AWS STS at https://sts.eu-west-1.amazonaws.com: the name does not resolve (DNS). Nothing reached AWS, so this says nothing about acme-prod’s access: check the network connection, proxy or VPN (and AWS_ENDPOINT_URL, if set), then test again.',
    );
  });
});
