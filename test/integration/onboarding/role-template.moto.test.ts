import { randomBytes } from 'node:crypto';
import { GetRoleCommand, GetRolePolicyCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { OnboardingSetupInput } from '../../../shared/domain/onboarding';
import { parseCustomerReply } from '../../../shared/logic/onboarding/customer-reply';
import { generateExternalId } from '../../../shared/logic/onboarding/external-id';
import { buildOnboardingKit, type OnboardingKit } from '../../../shared/logic/onboarding/onboarding-kit';
import { roleProfileInput } from '../../../shared/logic/onboarding/role-profile';
import { classifyVerifyFailure } from '../../../shared/logic/onboarding/verify-failure';
import { createUserWithKey, iamClient } from '../fixtures/iam';
import { setIamEnforcement, useMoto } from '../fixtures/moto';
import { createStackLikeTheLink, deployLikeTheCommand } from './customer-admin';

/** moto's single account: "ours" and the customer's are the same account here. */
const MOTO_ACCOUNT = '123456789012';
const REGION = 'us-east-1';

function kitFor(overrides: Partial<OnboardingSetupInput>): OnboardingKit {
  const result = buildOnboardingKit(
    {
      customerName: 'Acme Ltd',
      partition: 'aws',
      region: REGION,
      roleName: 'RoledeckAccess',
      externalId: generateExternalId((count) => randomBytes(count)),
      requireMfa: false,
      trustedPrincipal: { kind: 'user', accountId: MOTO_ACCOUNT, userName: 'consultant' },
      maxSessionDurationSeconds: 7200,
      permissions: { purpose: 'cloudformation-test-deploy', stackNamePrefix: 'rd-test-', services: ['s3', 'lambda'], allowStackRoles: true },
      ...overrides,
    },
    ['RoledeckAccess'],
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.kit;
}

/**
 * IAM hands policy documents back URL-encoded JSON. moto does so for the trust policy, but an
 * inline policy created through CloudFormation comes back as a Python dict repr
 * ({'Version': '2012-10-17', …}); YAML's flow syntax reads both that and JSON, with the same result.
 */
function policyFrom(text: string | undefined): unknown {
  if (!text) throw new Error('no policy document');
  const decoded = text.startsWith('%') ? decodeURIComponent(text) : text;
  return decoded.startsWith("{'") ? parseYaml(decoded) : JSON.parse(decoded);
}

describe('the generated role template, deployed to moto', () => {
  useMoto();
  // Other test files share this moto server: never leave IAM enforcement on.
  afterEach(() => setIamEnforcement(false));

  it.each([
    { purpose: 'CloudFormation test deploys', overrides: {} },
    { purpose: 'CloudFront key management, MFA required, 12 h sessions', overrides: { requireMfa: true, maxSessionDurationSeconds: 43_200, permissions: { purpose: 'cloudfront-key-management' as const } } },
  ])('$purpose: creates the role with exactly the generated trust and permissions policies', async ({ overrides }) => {
    const kit = kitFor(overrides);
    const stack = await deployLikeTheCommand(kit.template.body, kit.deployCommand);
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');

    const iam = iamClient();
    try {
      const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'RoledeckAccess' }));
      expect(Role?.Arn).toBe(`arn:aws:iam::${MOTO_ACCOUNT}:role/RoledeckAccess`);
      expect(Role?.MaxSessionDuration).toBe(kit.setup.maxSessionDurationSeconds);
      expect(policyFrom(Role?.AssumeRolePolicyDocument)).toEqual(kit.trustPolicy.document);

      const { PolicyNames } = await iam.send(new ListRolePoliciesCommand({ RoleName: 'RoledeckAccess' }));
      expect(PolicyNames).toEqual([kit.permissions.inlinePolicy!.name]);
      const inline = await iam.send(new GetRolePolicyCommand({ RoleName: 'RoledeckAccess', PolicyName: kit.permissions.inlinePolicy!.name }));
      expect(policyFrom(inline.PolicyDocument)).toEqual(kit.inlinePolicy!.document);
    } finally {
      iam.destroy();
    }
  });

  it('with IAM enforcement on, the trusted user assumes the role with the right ExternalId and is refused with a wrong one', async () => {
    const kit = kitFor({ customerAccountId: MOTO_ACCOUNT });
    // Our side: the IAM user with exactly the policy the kit says it needs.
    const consultant = await createUserWithKey('consultant', kit.ourPolicy.document);
    expect(kit.principalArn).toBe(consultant.arn);
    const stack = await createStackLikeTheLink({ region: REGION, stackName: kit.stackName, templateBody: kit.quickCreateTemplate.body, externalId: kit.setup.externalId });
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');

    // Closing the loop: the customer sends back the RoleArn output; it becomes a role profile.
    const roleArnOutput = stack.Outputs?.find((output) => output.OutputKey === 'RoleArn')?.OutputValue;
    const reply = parseCustomerReply(roleArnOutput ?? MOTO_ACCOUNT, { partition: 'aws', roleName: 'RoledeckAccess', customerAccountId: MOTO_ACCOUNT, allowList: ['RoledeckAccess'] });
    expect(reply).toMatchObject({ ok: true, roleArn: kit.expectedRoleArn, warnings: [] });
    if (!reply.ok) throw new Error(reply.message);
    const roleArn = reply.roleArn;
    const profile = roleProfileInput({ setup: kit.setup, roleArn, profileName: 'acme', sourceProfile: 'consultant', sourceIsRole: false });
    if (!profile.ok) throw new Error(JSON.stringify(profile.issues));
    expect(profile.input).toMatchObject({ roleArn, externalId: kit.setup.externalId, durationSeconds: 7200, source: 'consultant' });

    await setIamEnforcement(true);
    const sts = new STSClient({ region: REGION, credentials: consultant.credentials });
    try {
      const assumed = await sts.send(
        new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'roledeck-onboarding', ExternalId: profile.input.externalId, DurationSeconds: profile.input.durationSeconds }),
      );
      expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${MOTO_ACCOUNT}:assumed-role/RoledeckAccess/roledeck-onboarding`);

      const refused = await sts
        .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'roledeck-onboarding', ExternalId: generateExternalId((count) => randomBytes(count)) }))
        .then(
          () => undefined,
          (error: unknown) => error as { name: string; message: string },
        );
      expect(refused?.name).toBe('AccessDenied');

      // "Verify all" after access had worked: the customer's side changed, in plain words.
      const failure = classifyVerifyFailure({
        step: { profileName: 'acme', operation: 'AssumeRole', roleArn, hasExternalId: true, source: 'user-keys', signedBy: 'consultant', mfa: 'none' },
        code: refused!.name,
        message: refused!.message,
        at: Date.now(),
        lastVerifiedAt: Date.now() - 60_000,
        trustsUser: true,
      });
      expect(failure.kinds).toContain('external-id-changed');
      expect(failure.headline).toBe('RoledeckAccess no longer lets us in');
    } finally {
      sts.destroy();
      await setIamEnforcement(false);
    }
  });
});
