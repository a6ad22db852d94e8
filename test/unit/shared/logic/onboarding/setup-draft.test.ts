import { describe, expect, it } from 'vitest';
import type { IdentityView, OnboardingDraft } from '../../../../../shared/domain/onboarding-view';
import { checkOnboardingSetup } from '../../../../../shared/logic/onboarding/onboarding-kit';
import { draftIssue, setupFromDraft } from '../../../../../shared/logic/onboarding/setup-draft';
import { EXTERNAL_ID } from './setup-fixture';

const USER: IdentityView = { arn: 'arn:aws:iam::111111111111:user/team/consultant', accountId: '111111111111', partition: 'aws', userName: 'consultant', path: '/team/' };
const ROLE_SESSION: IdentityView = { arn: 'arn:aws:sts::111111111111:assumed-role/Consultants/jane', accountId: '111111111111', partition: 'aws' };
const draft = (overrides: Partial<OnboardingDraft> = {}): OnboardingDraft => ({
  customerName: 'Acme Ltd',
  sourceProfile: 'consultant',
  roleName: ' RoledeckAccess ',
  requireMfa: true,
  principal: 'user',
  maxSessionDurationSeconds: 3600,
  permissions: { purpose: 'cloudformation-test-deploy' },
  region: 'eu-west-1',
  ...overrides,
});

describe('from what a person filled in to the setup', () => {
  it('names our IAM user with its path, trims what was typed, and drops the console’s dashes from an account ID', () => {
    const result = setupFromDraft(draft({ customerAccountId: ' 2222-2222-2222 ' }), { externalId: EXTERNAL_ID, identity: USER });
    expect(result).toMatchObject({
      ok: true,
      setup: {
        roleName: 'RoledeckAccess',
        trustedPrincipal: { kind: 'user', accountId: '111111111111', userName: 'consultant', path: '/team/' },
        customerAccountId: '222222222222',
        permissions: { purpose: 'cloudformation-test-deploy', stackNamePrefix: 'roledeck-test-', allowStackRoles: false },
      },
    });
    if (result.ok) expect(checkOnboardingSetup(result.setup, [])).toMatchObject({ ok: true });
  });

  it('refuses to name a role session in a trust policy and says to trust the account instead', () => {
    expect(setupFromDraft(draft(), { externalId: EXTERNAL_ID, identity: ROLE_SESSION })).toEqual({
      ok: false,
      issues: [{ path: 'principal', message: expect.stringMatching(/is not an IAM user: .*Trust the whole account instead/) }],
    });
    expect(setupFromDraft(draft({ principal: 'account' }), { externalId: EXTERNAL_ID, identity: ROLE_SESSION })).toMatchObject({ ok: true, setup: { trustedPrincipal: { kind: 'account', accountId: '111111111111' } } });
  });

  it('reports trusted-principal problems under the form’s own field', () => {
    expect(draftIssue({ path: 'trustedPrincipal.userName', message: 'x' })).toEqual({ path: 'principal', message: 'x' });
    expect(draftIssue({ path: 'roleName', message: 'y' })).toEqual({ path: 'roleName', message: 'y' });
  });
});
