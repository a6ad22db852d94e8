import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ColorSchema,
  IamUserProfileSchema,
  ProfileIdSchema,
  ProfileNameSchema,
  ProfileSchema,
  RoleProfileSchema,
} from '../../../../shared/domain/profile';
import { expectPasses, expectRule, stringFrom, stringWithOneOutside, WORD_CHARACTERS } from './rule-expectations';

const user = {
  kind: 'iam-user',
  id: 'user-0001',
  name: 'consultant',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
} as const;

const role = {
  kind: 'role',
  id: 'role-0001',
  name: 'acme-prod',
  roleArn: 'arn:aws:iam::123456789012:role/ExampleRoleName',
  sourceId: 'user-0001',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
} as const;

type Case = [field: string, value: unknown, rule: string];

/** The profile with one field replaced fails, on that field, with the rule's message. */
function expectFieldRule(schema: z.ZodType, base: object, [field, value, rule]: Case): void {
  const result = schema.safeParse({ ...base, [field]: value });
  expect(result.success, `accepted ${field}=${JSON.stringify(value)}`).toBe(false);
  const onField = result.error?.issues.filter((issue) => issue.path[0] === field) ?? [];
  expect(onField.map((issue) => issue.message).join(' | ')).toContain(rule);
}

describe('profile name', () => {
  it('accepts names people and scripts use for profiles', () => {
    for (const name of ['default', 'acme-prod', 'acme.prod', 'jane@acme', 'a', 'x'.repeat(64), 'team_1+dev']) {
      expectPasses(ProfileNameSchema, name);
    }
    fc.assert(fc.property(stringFrom(`${WORD_CHARACTERS}.@+-`, 1, 64), (name) => name === '__proto__' || ProfileNameSchema.safeParse(name).success));
  });

  it('rejects empty and 65-character names, spaces and shell-significant characters', () => {
    expectRule(ProfileNameSchema, '', '1–64 characters');
    expectRule(ProfileNameSchema, 'x'.repeat(65), '1–64 characters');
    for (const name of ['acme prod', 'acme/prod', 'acme;rm', '$HOME', 'acme:prod']) {
      expectRule(ProfileNameSchema, name, 'only letters, digits and . @ + _ -');
    }
    fc.assert(
      fc.property(stringWithOneOutside(`${WORD_CHARACTERS}.@+-`, 1, 64), (name) => !ProfileNameSchema.safeParse(name).success),
    );
  });

  it('rejects __proto__, which the AWS SDK refuses as a profile name and which would corrupt a name-keyed object', () => {
    expectRule(ProfileNameSchema, '__proto__', '__proto__');
  });
});

describe('profile id, colour', () => {
  it('accepts ids of 8–64 lower-case letters, digits and dashes and rejects others', () => {
    expectPasses(ProfileIdSchema, 'a1b2c3d4');
    expectPasses(ProfileIdSchema, '0f8fad5b-d9cb-469f-a165-70867728950e');
    for (const id of ['short', 'UPPERCASE1', 'with space', 'x'.repeat(65), 'user/0001']) {
      expectRule(ProfileIdSchema, id, 'Not a profile ID');
    }
  });

  it('accepts #rrggbb colours only', () => {
    expectPasses(ColorSchema, '#1a2B3c');
    for (const color of ['1a2b3c', '#abc', '#1a2b3c4d', 'red', '#gggggg']) {
      expectRule(ColorSchema, color, 'A colour is #rrggbb');
    }
  });
});

describe('IAM user profile', () => {
  it('accepts a minimal profile and one with every optional field', () => {
    expectPasses(IamUserProfileSchema, user);
    expectPasses(IamUserProfileSchema, {
      ...user,
      mfaSerial: 'arn:aws:iam::123456789012:mfa/jane',
      region: 'eu-west-1',
      label: 'Consulting',
      color: '#3366ff',
      favorite: true,
    });
  });

  it.each<Case>([
    ['kind', 'role', 'iam-user'],
    ['id', 'X', 'Not a profile ID'],
    ['name', 'my profile', 'only letters, digits'],
    ['accessKeyId', 'ASIAIOSFODNN7EXAMPLE', 'starts with AKIA'],
    ['accessKeyId', 'AKIA123', 'starts with AKIA'],
    ['mfaSerial', 'arn:aws:iam::12345678901:mfa/jane', 'The account ID has 11 digits'],
    ['mfaSerial', '123456', 'looks like a 6-digit MFA code'],
    ['region', 'Europe', 'a region looks like eu-west-1'],
    ['label', 'l'.repeat(81), 'at most 80 characters'],
    ['color', 'blue', 'A colour is #rrggbb'],
    ['favorite', 'yes', 'boolean'],
    ['createdAt', '2024-01-01', 'number'],
    ['updatedAt', undefined, 'number'],
  ])('rejects %s = %j, naming the rule', (...testCase) => {
    expectFieldRule(IamUserProfileSchema, user, testCase);
  });

  it('requires the access key ID', () => {
    const { accessKeyId: _omitted, ...withoutKey } = user;
    expectFieldRule(IamUserProfileSchema, withoutKey, ['accessKeyId', undefined, 'string']);
  });

  it('drops a secret access key handed to it, so the secret cannot ride along into stored or shown metadata', () => {
    const parsed = IamUserProfileSchema.parse({ ...user, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(JSON.stringify(parsed)).not.toContain('wJalrXUtnFEMI');
  });
});

describe('role profile', () => {
  it('accepts a minimal role and one with every optional field', () => {
    expectPasses(RoleProfileSchema, role);
    expectPasses(RoleProfileSchema, {
      ...role,
      roleArn: 'arn:aws-us-gov:iam::123456789012:role/customers/acme/Deploy',
      externalId: 'test-id-5678',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/jane',
      sessionName: 'cross-account-session',
      durationSeconds: 43200,
      region: 'us-gov-west-1',
      sourceIdentity: 'jane@example.com',
      tags: [{ key: 'Project', value: 'Roledeck' }],
      label: 'ACME production',
      color: '#ff8800',
      favorite: false,
    });
  });

  it.each<Case>([
    ['kind', 'iam-user', 'role'],
    ['name', '', '1–64 characters'],
    ['roleArn', 'arn:aws-xx:iam::123456789012:role/Deploy', 'The partition “aws-xx” does not exist'],
    ['roleArn', 'arn:aws:iam::1234567890123:role/Deploy', 'The account ID has 13 digits; it needs 12'],
    ['sourceId', 'Source Id', 'Not a profile ID'],
    ['externalId', 'a', 'it needs 2 to 1,224'],
    ['externalId', 'x'.repeat(1225), 'at most 1,224'],
    ['externalId', 'test id', 'A space is not allowed (letters, digits and + = , . @ : / _ - only)'],
    ['mfaSerial', 'arn:aws:iam::123456789012:role/jane', 'not an MFA device'],
    ['sessionName', 'a', 'it needs 2 to 64'],
    ['sessionName', 'x'.repeat(65), 'at most 64'],
    ['durationSeconds', 899, 'at least 900 seconds'],
    ['durationSeconds', 43201, 'at most 43,200 seconds'],
    ['durationSeconds', 3600.5, 'whole number of seconds'],
    ['region', 'eu-west', 'needs its number at the end'],
    ['sourceIdentity', 'j', 'it needs 2 to 64'],
    ['tags', [{ key: 'aws:team', value: 'x' }], 'starts with aws:, which AWS reserves'],
    ['tags', Array.from({ length: 51 }, (_, index) => ({ key: `k${index}`, value: 'v' })), 'AssumeRole takes at most 50'],
    ['tags', [{ key: 'Team', value: 'a' }, { key: 'team', value: 'b' }], 'differ only in case'],
    ['label', 'l'.repeat(81), 'at most 80 characters'],
    ['color', '#12345', 'A colour is #rrggbb'],
  ])('rejects %s = %j, naming the rule', (...testCase) => {
    expectFieldRule(RoleProfileSchema, role, testCase);
  });

  it('requires a role ARN and a source', () => {
    const { roleArn: _arn, ...withoutArn } = role;
    const { sourceId: _source, ...withoutSource } = role;
    expect(RoleProfileSchema.safeParse(withoutArn).success).toBe(false);
    expect(RoleProfileSchema.safeParse(withoutSource).success).toBe(false);
  });
});

describe('profile union', () => {
  it('tells IAM users and roles apart by kind', () => {
    expect(ProfileSchema.parse(user).kind).toBe('iam-user');
    expect(ProfileSchema.parse(role).kind).toBe('role');
    expect(ProfileSchema.safeParse({ ...role, kind: 'sso' }).success).toBe(false);
  });
});
