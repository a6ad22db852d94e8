import { describe, expect, it } from 'vitest';
import { ourSideFromResults, ourSideNotChecked, simulationSubject } from '../../../../../shared/logic/onboarding/our-side-check';

const USER = 'arn:aws:iam::111111111111:user/consultant';
const ROLE = 'arn:aws:iam::222222222222:role/RoledeckAccess';
const context = { principalArn: USER, resource: ROLE };
const result = (overrides: object) => ({ action: 'sts:AssumeRole', resource: ROLE, decision: 'implicitDeny' as const, matchedPolicies: [], missingContextKeys: [], ...overrides });

describe('our side of the trust, as IAM’s policy simulator sees it', () => {
  it('simulates an IAM user as itself and a role session as its role; says why root and federated users cannot be', () => {
    expect(simulationSubject(USER)).toEqual({ ok: true, arn: USER });
    expect(simulationSubject('arn:aws:sts::111111111111:assumed-role/Consultants/jane')).toEqual({ ok: true, arn: 'arn:aws:iam::111111111111:role/Consultants' });
    expect(simulationSubject('arn:aws:iam::111111111111:root')).toMatchObject({ ok: false, headline: 'The root user cannot assume roles' });
    expect(simulationSubject('arn:aws:sts::111111111111:federated-user/jane')).toMatchObject({ ok: false, explanation: expect.stringContaining('neither an IAM user nor a role session') });
  });

  it('names what stops it: a Deny statement, an SCP, a permissions boundary, or no Allow at all', () => {
    expect(ourSideFromResults([result({ decision: 'explicitDeny', matchedPolicies: ['no-assume'] })], context).explanation).toMatch(/^A Deny statement in no-assume stops/);
    expect(ourSideFromResults([result({ allowedByOrganizations: false })], context).explanation).toMatch(/service control policy/);
    expect(ourSideFromResults([result({ allowedByPermissionsBoundary: false })], context).explanation).toMatch(/permissions boundary/);
    expect(ourSideFromResults([result({ missingContextKeys: ['aws:MultiFactorAuthPresent'] })], context)).toMatchObject({
      state: 'denied',
      explanation: expect.stringMatching(/^No policy of .* allows sts:AssumeRole .*no value for aws:MultiFactorAuthPresent/),
    });
    expect(ourSideFromResults([result({ decision: 'allowed', matchedPolicies: ['roledeck'] })], context)).toMatchObject({ state: 'allowed', explanation: expect.stringContaining('through roledeck') });
  });

  it('says the check could not run, and why, instead of guessing', () => {
    expect(ourSideNotChecked({ code: 'AccessDenied', httpStatus: 403, message: 'not authorized to perform: iam:SimulatePrincipalPolicy' }, context)).toMatchObject({ state: 'unchecked', headline: 'Not checked: we may not run IAM’s policy simulator' });
    expect(ourSideNotChecked({ code: 'Error', httpStatus: 500, message: 'XML parse error' }, context).explanation).toMatch(/moto/);
    expect(ourSideNotChecked({ code: 'Throttling', httpStatus: 400, message: 'Rate exceeded' }, context)).toMatchObject({ headline: 'Not checked: IAM’s policy simulator failed', explanation: expect.stringMatching(/^Throttling: Rate exceeded\. Check by hand/) });
  });
});
