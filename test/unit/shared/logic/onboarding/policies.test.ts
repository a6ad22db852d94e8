import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../../../../shared/domain/iam-policy';
import { DEFAULT_TEST_STACK_SERVICES, type PermissionsChoice } from '../../../../../shared/domain/onboarding';
import { checkPolicyGrammar } from '../../../../../shared/logic/iam-policy/policy-grammar';
import { checkPolicyText, policyJson } from '../../../../../shared/logic/iam-policy/policy-text';
import { ourAssumeRolePolicy } from '../../../../../shared/logic/onboarding/our-policy';
import { permissionsPlan } from '../../../../../shared/logic/onboarding/permission-purposes';
import { principalArn, trustedPrincipalFromArn, trustPolicyDocument } from '../../../../../shared/logic/onboarding/trust-policy';
import { EXTERNAL_ID, OUR_ACCOUNT, setupInput } from './setup-fixture';

/** Both checks: our own grammar validator, and the text round trip through JSON.parse. */
function expectValid(document: PolicyDocument, kind: 'identity' | 'trust') {
  expect(checkPolicyGrammar(document, kind)).toEqual([]);
  const text = policyJson(document);
  expect(JSON.parse(text)).toEqual(document);
  expect(checkPolicyText(text, kind).ok).toBe(true);
}

describe('trust policy', () => {
  it.each([
    {
      name: 'our whole account, no MFA',
      principal: { kind: 'account' as const, accountId: OUR_ACCOUNT },
      requireMfa: false,
      arn: 'arn:aws:iam::111111111111:root',
      condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
    },
    {
      name: 'one IAM user, MFA required',
      principal: { kind: 'user' as const, accountId: OUR_ACCOUNT, userName: 'consultant' },
      requireMfa: true,
      arn: 'arn:aws:iam::111111111111:user/consultant',
      condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    {
      name: 'an IAM user with a path',
      principal: { kind: 'user' as const, accountId: OUR_ACCOUNT, userName: 'consultant', path: '/partners/eu/' },
      requireMfa: false,
      arn: 'arn:aws:iam::111111111111:user/partners/eu/consultant',
      condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
    },
  ])('$name: the walkthrough’s shape, exactly', ({ principal, requireMfa, arn, condition }) => {
    const document = trustPolicyDocument(setupInput({ trustedPrincipal: principal, requireMfa }));
    expect(document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole', Condition: condition }],
    });
    expectValid(document, 'trust');
  });

  it('names the partition of the setup', () => {
    expect(principalArn('aws-cn', { kind: 'account', accountId: OUR_ACCOUNT })).toBe('arn:aws-cn:iam::111111111111:root');
  });

  it.each([
    ['arn:aws:iam::111111111111:user/consultant', { partition: 'aws', principal: { kind: 'user', accountId: OUR_ACCOUNT, userName: 'consultant' } }],
    ['arn:aws:iam::111111111111:user/partners/consultant', { partition: 'aws', principal: { kind: 'user', accountId: OUR_ACCOUNT, userName: 'consultant', path: '/partners/' } }],
    ['arn:aws-us-gov:iam::111111111111:root', { partition: 'aws-us-gov', principal: { kind: 'account', accountId: OUR_ACCOUNT } }],
    ['arn:aws:sts::111111111111:assumed-role/Admin/me', null],
    ['arn:aws:iam::111111111111:role/Admin', null],
    ['arn:aws:iam::11111111111:user/consultant', null],
  ] as const)('reads our principal from %s', (arn, expected) => {
    const found = trustedPrincipalFromArn(arn);
    expect(found).toEqual(expected);
    if (found) expect(principalArn(found.partition, found.principal)).toBe(arn);
  });
});

describe('our side: the policy our IAM user needs', () => {
  it('allows sts:AssumeRole on the role name in any account before the customer’s account is known, as in the walkthrough', () => {
    const document = ourAssumeRolePolicy({ partition: 'aws', roleName: 'ExampleRoleName' });
    expect(document.Statement).toEqual([{ Sid: 'AssumeCustomerRole', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/ExampleRoleName' }]);
    expectValid(document, 'identity');
  });

  it('narrows to the customer’s account once known', () => {
    const document = ourAssumeRolePolicy({ partition: 'aws', roleName: 'ExampleRoleName', customerAccountId: '222222222222' });
    expect(document.Statement[0]?.Resource).toBe('arn:aws:iam::222222222222:role/ExampleRoleName');
    expectValid(document, 'identity');
  });
});

describe('permissions library', () => {
  const testDeploy = (overrides: Partial<Extract<PermissionsChoice, { purpose: 'cloudformation-test-deploy' }>> = {}): PermissionsChoice => ({
    purpose: 'cloudformation-test-deploy',
    stackNamePrefix: 'rd-test-',
    services: [...DEFAULT_TEST_STACK_SERVICES],
    allowStackRoles: false,
    ...overrides,
  });

  function plan(choice: PermissionsChoice, account?: string) {
    const result = permissionsPlan(choice, 'aws', account);
    if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('; '));
    return result.plan;
  }

  it('read-only audit attaches SecurityAudit and ViewOnlyAccess and nothing inline', () => {
    const audit = plan({ purpose: 'read-only-audit' });
    expect(audit.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/SecurityAudit', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']);
    expect(audit.inlinePolicy).toBeUndefined();
    expect(audit.summary).toMatch(/not the data inside them/);
    expect(permissionsPlan({ purpose: 'read-only-audit' }, 'aws-cn')).toMatchObject({ ok: true, plan: { managedPolicyArns: ['arn:aws-cn:iam::aws:policy/SecurityAudit', expect.any(String)] } });
  });

  it('CloudFormation test deploys: cloudformation:* on prefixed stacks only, PassRole narrowed to prefixed roles', () => {
    const deploy = plan(testDeploy(), '222222222222');
    const statements = deploy.inlinePolicy!.document.Statement;
    expectValid(deploy.inlinePolicy!.document, 'identity');
    expect(statements.find((statement) => statement.Sid === 'TestStacks')).toEqual({
      Sid: 'TestStacks',
      Effect: 'Allow',
      Action: 'cloudformation:*',
      Resource: 'arn:aws:cloudformation:*:222222222222:stack/rd-test-*/*',
    });
    expect(statements.find((statement) => statement.Action === 'iam:PassRole')?.Resource).toBe('arn:aws:iam::222222222222:role/rd-test-*');
    expect(statements.find((statement) => statement.Sid === 'TestStackResources')?.Action).toEqual(DEFAULT_TEST_STACK_SERVICES.map((service) => `${service}:*`));
    // Nothing else anywhere gets cloudformation:* or iam:*.
    for (const statement of statements) {
      const actions = [statement.Action ?? []].flat();
      if (actions.includes('cloudformation:*')) expect(statement.Resource).toMatch(/stack\/rd-test-\*\/\*$/);
      expect(actions).not.toContain('iam:*');
    }
    expect(statements.some((statement) => statement.Sid === 'TestStackRoles')).toBe(false);
  });

  it('test deploys that may create roles get role management on prefixed roles only, and say what that risks', () => {
    const deploy = plan(testDeploy({ allowStackRoles: true }));
    const roles = deploy.inlinePolicy!.document.Statement.find((statement) => statement.Sid === 'TestStackRoles');
    expect(roles?.Resource).toBe('arn:aws:iam::*:role/rd-test-*');
    expect(roles?.Action).toContain('iam:CreateRole');
    expect(deploy.notes.join(' ')).toMatch(/Keep it to a test account/);
    expectValid(deploy.inlinePolicy!.document, 'identity');
  });

  it('CloudFront key management: public keys and key groups, distributions read-only', () => {
    const keys = plan({ purpose: 'cloudfront-key-management' });
    const actions = keys.inlinePolicy!.document.Statement.flatMap((statement) => [statement.Action ?? []].flat());
    expect(actions).toEqual(expect.arrayContaining(['cloudfront:CreatePublicKey', 'cloudfront:CreateKeyGroup', 'cloudfront:UpdateKeyGroup', 'cloudfront:ListDistributions', 'cloudfront:GetDistribution']));
    expect(actions.filter((action) => /Distribution/.test(action) && !/^cloudfront:(Get|List)/.test(action))).toEqual([]);
    expectValid(keys.inlinePolicy!.document, 'identity');
  });

  it('custom JSON passes through as written (a lone statement becomes a list)', () => {
    const custom = plan({ purpose: 'custom', policyJson: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}}' });
    expect(custom.inlinePolicy?.document).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] });
    expect(plan({ purpose: 'custom', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })).toMatchObject({ managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
  });

  it('custom JSON that breaks gives the issues instead of a plan', () => {
    const broken = permissionsPlan({ purpose: 'custom', policyJson: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Principal": "*", "Resource": "*"}\n  ]\n}' }, 'aws');
    expect(broken).toEqual({ ok: false, issues: [expect.objectContaining({ message: expect.stringMatching(/^Statement 1, Principal: a permissions policy attached to a role names no principal/) })] });
  });

  it('every built-in purpose stays far below IAM’s 10,240-character limit', () => {
    for (const choice of [testDeploy({ allowStackRoles: true, services: Array.from({ length: 20 }, (_, index) => `service-${index}`) }), { purpose: 'cloudfront-key-management' as const }]) {
      expect(JSON.stringify(plan(choice).inlinePolicy!.document).length).toBeLessThan(5000);
    }
  });
});
