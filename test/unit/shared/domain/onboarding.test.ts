import fc from 'fast-check';
import { describe, it } from 'vitest';
import { IamPathSchema, IamUserNameSchema, RoleMaxSessionDurationSchema, StackNameSchema } from '../../../../shared/domain/aws-rules';
import { ManagedPolicyArnSchema, PermissionsChoiceSchema, TrustedPrincipalSchema } from '../../../../shared/domain/onboarding';
import { expectPasses, expectRule, stringFrom, WORD_CHARACTERS } from './rule-expectations';

describe('AWS rules the onboarding adds', () => {
  it('IAM user names: 1–64 of letters, digits and + = , . @ _ -', () => {
    fc.assert(fc.property(stringFrom(`${WORD_CHARACTERS}+=,.@-`, 1, 64), (name) => IamUserNameSchema.safeParse(name).success));
    expectRule(IamUserNameSchema, 'a'.repeat(65), '1–64 characters');
    expectRule(IamUserNameSchema, 'jane doe', 'may contain only');
  });

  it('IAM paths: / or /a/b/, printable ASCII', () => {
    for (const path of ['/', '/partners/', '/a/b/c/']) expectPasses(IamPathSchema, path);
    for (const path of ['', 'partners/', '/partners', '/a b/']) expectRule(IamPathSchema, path, 'starts and ends with /');
    expectRule(IamPathSchema, `/${'p'.repeat(511)}/`, 'at most 512');
  });

  it('a role’s maximum session: 1 to 12 hours in whole seconds', () => {
    expectPasses(RoleMaxSessionDurationSchema, 3600);
    expectPasses(RoleMaxSessionDurationSchema, 43_200);
    expectRule(RoleMaxSessionDurationSchema, 3599, 'at least 3,600 seconds');
    expectRule(RoleMaxSessionDurationSchema, 43_201, 'at most 43,200 seconds');
    expectRule(RoleMaxSessionDurationSchema, 3600.5, 'whole number');
  });

  it('stack names: a letter, then letters, digits and hyphens, up to 128', () => {
    expectPasses(StackNameSchema, 'roledeck-Acme-1');
    expectRule(StackNameSchema, '1roledeck', 'starts with a letter');
    expectRule(StackNameSchema, 'roledeck_acme', 'only letters, digits and hyphens');
    expectRule(StackNameSchema, `a${'b'.repeat(128)}`, '1–128 characters');
  });
});

describe('onboarding choices', () => {
  it('a trusted principal is our account or one of our users', () => {
    expectPasses(TrustedPrincipalSchema, { kind: 'account', accountId: '111111111111' });
    expectPasses(TrustedPrincipalSchema, { kind: 'user', accountId: '111111111111', userName: 'consultant', path: '/partners/' });
    expectRule(TrustedPrincipalSchema, { kind: 'user', accountId: '111111111111', userName: 'jane doe' }, 'IAM user name may contain only');
    expectRule(TrustedPrincipalSchema, { kind: 'account', accountId: '1111111111111' }, 'The account ID has 13 digits; it needs 12');
  });

  it('permissions: the library’s purposes, or custom JSON and/or managed policies', () => {
    expectPasses(PermissionsChoiceSchema, { purpose: 'read-only-audit' });
    expectPasses(PermissionsChoiceSchema, { purpose: 'custom', managedPolicyArns: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'] });
    expectRule(PermissionsChoiceSchema, { purpose: 'custom' }, 'Paste a policy, or name at least one managed policy');
    expectRule(PermissionsChoiceSchema, { purpose: 'cloudformation-test-deploy', stackNamePrefix: 'rd-', services: ['s3', 's3'], allowStackRoles: false }, 'Each service appears once');
    expectRule(PermissionsChoiceSchema, { purpose: 'cloudformation-test-deploy', stackNamePrefix: '-rd', services: [], allowStackRoles: false }, 'A stack name prefix starts with a letter');
    expectRule(ManagedPolicyArnSchema, 'arn:aws:iam::aws:role/SecurityAudit', 'managed policy ARN looks like');
  });
});
