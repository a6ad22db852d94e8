import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AccessKeyIdSchema,
  AccountIdSchema,
  CHAINED_ROLE_MAX_SECONDS,
  ExternalIdSchema,
  MfaSerialSchema,
  parseRoleArn,
  PARTITIONS,
  RegionSchema,
  RoleArnSchema,
  roleArnFor,
  RoleDurationSchema,
  RoleNameSchema,
  RoleSessionNameSchema,
  SecretAccessKeySchema,
  SessionTagSchema,
  SessionTagsSchema,
  SessionTokenDurationSchema,
  SourceIdentitySchema,
} from '../../../../shared/domain/aws-rules';
import { expectPasses, expectRejected, stringFrom, stringWithOneOutside, WORD_CHARACTERS } from './rule-expectations';

// Which pattern each rule accepts. What a refusal says, value by value: aws-rule-messages.test.ts.

const ROLE_NAME_ALPHABET = `${WORD_CHARACTERS}+=,.@-`;
const EXTERNAL_ID_ALPHABET = `${WORD_CHARACTERS}+=,.@:/-`;
const SESSION_NAME_ALPHABET = `${WORD_CHARACTERS}+=,.@-`;
const ACCESS_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_KEY_ALPHABET = `${WORD_CHARACTERS.replace('_', '')}/+=`;

const accountId = stringFrom('0123456789', 12, 12);

describe('account ID', () => {
  it('accepts exactly 12 digits, leading zeros included', () => {
    expectPasses(AccountIdSchema, '123456789012');
    expectPasses(AccountIdSchema, '000000000001');
    fc.assert(fc.property(accountId, (id) => AccountIdSchema.safeParse(id).success));
  });

  it.each([
    ['11 digits', '12345678901'],
    ['13 digits', '1234567890123'],
    ['a letter', '12345678901a'],
    ['spaces around it', ' 123456789012'],
    ['a trailing newline', '123456789012\n'],
    ['dashes as the console shows it', '1234-5678-9012'],
    ['nothing', ''],
  ])('rejects %s', (_, value) => {
    expectRejected(AccountIdSchema, value);
  });
});

describe('role name', () => {
  it('accepts 1–64 of letters, digits and + = , . @ _ -', () => {
    expectPasses(RoleNameSchema, 'ExampleRoleName');
    expectPasses(RoleNameSchema, 'r');
    expectPasses(RoleNameSchema, 'x'.repeat(64));
    fc.assert(fc.property(stringFrom(ROLE_NAME_ALPHABET, 1, 64), (name) => RoleNameSchema.safeParse(name).success));
  });

  it('rejects an empty or 65-character name', () => {
    expectRejected(RoleNameSchema, '');
    expectRejected(RoleNameSchema, 'x'.repeat(65));
  });

  it('rejects a name with a path or any character outside the rule', () => {
    expectRejected(RoleNameSchema, 'team/Deploy');
    fc.assert(
      fc.property(stringWithOneOutside(ROLE_NAME_ALPHABET, 1, 64), (name) => !RoleNameSchema.safeParse(name).success),
    );
  });
});

describe('role ARN', () => {
  it.each(PARTITIONS)('accepts a role in the %s partition and parses it', (partition) => {
    const arn = `arn:${partition}:iam::123456789012:role/ExampleRoleName`;
    expectPasses(RoleArnSchema, arn);
    expect(parseRoleArn(arn)).toEqual({ partition, accountId: '123456789012', path: '/', roleName: 'ExampleRoleName' });
  });

  it('accepts a role with a path, and keeps the path apart from the name', () => {
    const arn = 'arn:aws:iam::123456789012:role/customers/acme/Deploy';
    expectPasses(RoleArnSchema, arn);
    expect(parseRoleArn(arn)).toEqual({
      partition: 'aws',
      accountId: '123456789012',
      path: '/customers/acme/',
      roleName: 'Deploy',
    });
  });

  it('round-trips any partition, account, path and role name through roleArnFor and parseRoleArn', () => {
    const segment = stringFrom(`${WORD_CHARACTERS}+=,.@-`, 1, 12);
    fc.assert(
      fc.property(
        fc.constantFrom(...PARTITIONS),
        accountId,
        fc.array(segment, { maxLength: 4 }),
        stringFrom(ROLE_NAME_ALPHABET, 1, 64),
        (partition, account, pathSegments, roleName) => {
          const path = pathSegments.length ? `${pathSegments.join('/')}/` : '';
          const arn = `arn:${partition}:iam::${account}:role/${path}${roleName}`;
          expect(RoleArnSchema.safeParse(arn).success).toBe(true);
          expect(parseRoleArn(arn)).toEqual({ partition, accountId: account, path: `/${path}`, roleName });
          if (!path) expect(roleArnFor(partition, account, roleName)).toBe(arn);
        },
      ),
    );
  });

  it.each([
    ['an unknown partition', 'arn:aws-xx:iam::123456789012:role/Deploy'],
    ['an 11-digit account', 'arn:aws:iam::12345678901:role/Deploy'],
    ['a 13-digit account', 'arn:aws:iam::1234567890123:role/Deploy'],
    ['a user instead of a role', 'arn:aws:iam::123456789012:user/Deploy'],
    ['another service', 'arn:aws:sts::123456789012:role/Deploy'],
    ['a region in an IAM ARN', 'arn:aws:iam:us-east-1:123456789012:role/Deploy'],
    ['no role name', 'arn:aws:iam::123456789012:role/'],
    ['a 65-character role name', `arn:aws:iam::123456789012:role/${'x'.repeat(65)}`],
    ['a space in the name', 'arn:aws:iam::123456789012:role/Deploy Role'],
    ['an assumed-role session ARN', 'arn:aws:sts::123456789012:assumed-role/Deploy/session'],
    ['a path longer than IAM allows (512)', `arn:aws:iam::123456789012:role/${'p'.repeat(511)}/Deploy`],
    ['just a role name', 'Deploy'],
  ])('rejects %s', (_, value) => {
    expectRejected(RoleArnSchema, value);
    expect(parseRoleArn(value)).toBeNull();
  });

  it('accepts the longest path IAM allows (512 characters with its slashes)', () => {
    const arn = `arn:aws:iam::123456789012:role/${'p'.repeat(510)}/Deploy`;
    expectPasses(RoleArnSchema, arn);
    expect(parseRoleArn(arn)?.path).toHaveLength(512);
  });
});

describe('MFA serial', () => {
  it.each([
    ['a virtual device ARN', 'arn:aws:iam::123456789012:mfa/jane'],
    ['a virtual device ARN with a path', 'arn:aws:iam::123456789012:mfa/team/jane'],
    ['a device in aws-cn', 'arn:aws-cn:iam::123456789012:mfa/jane'],
    ['a device in aws-us-gov', 'arn:aws-us-gov:iam::123456789012:mfa/jane'],
    ['a FIDO key', 'arn:aws:iam::123456789012:u2f/user/jane/key-ABCDEF'],
    ['a hardware token serial', 'GAHT12345678'],
  ])('accepts %s', (_, value) => {
    expectPasses(MfaSerialSchema, value);
  });

  it.each([
    ['an 11-digit account in the ARN', 'arn:aws:iam::12345678901:mfa/jane'],
    ['a role ARN', 'arn:aws:iam::123456789012:role/jane'],
    ['an ARN in an unknown partition', 'arn:aws-xx:iam::123456789012:mfa/jane'],
    ['an ARN without a device name', 'arn:aws:iam::123456789012:mfa/'],
    ['a 6-digit code typed into the wrong field', '123456'],
    ['a hardware serial of 8 characters', 'GAHT1234'],
    ['a serial with a space', 'GAHT 12345678'],
    ['a serial longer than 256 characters', 'G'.repeat(257)],
    ['an ARN longer than 256 characters', `arn:aws:iam::123456789012:mfa/${'j'.repeat(240)}`],
  ])('rejects %s', (_, value) => {
    expectRejected(MfaSerialSchema, value);
  });
});

describe('ExternalId', () => {
  it('accepts the 2-character minimum, the 1224-character maximum and every allowed character', () => {
    expectPasses(ExternalIdSchema, 'ab');
    expectPasses(ExternalIdSchema, 'x'.repeat(1224));
    expectPasses(ExternalIdSchema, 'test-id-5678');
    expectPasses(ExternalIdSchema, 'a+b=c,d.e@f:g/h_i-j');
    fc.assert(fc.property(stringFrom(EXTERNAL_ID_ALPHABET, 2, 1224), (value) => ExternalIdSchema.safeParse(value).success));
  });

  it('rejects 1 character and 1225 characters', () => {
    expectRejected(ExternalIdSchema, 'a');
    expectRejected(ExternalIdSchema, 'x'.repeat(1225));
  });

  it.each([' ', '!', '#', '*', '"', 'é', '\n'])('rejects the character %j', (character) => {
    expectRejected(ExternalIdSchema, `abc${character}def`);
  });

  it('rejects any string with a character outside the allowed set', () => {
    fc.assert(
      fc.property(stringWithOneOutside(EXTERNAL_ID_ALPHABET, 2, 64), (value) => !ExternalIdSchema.safeParse(value).success),
    );
  });
});

describe('role session name', () => {
  it('accepts 2–64 allowed characters', () => {
    expectPasses(RoleSessionNameSchema, 'cross-account-session');
    expectPasses(RoleSessionNameSchema, 'ab');
    expectPasses(RoleSessionNameSchema, 'x'.repeat(64));
    expectPasses(RoleSessionNameSchema, 'jane@example.com');
    fc.assert(fc.property(stringFrom(SESSION_NAME_ALPHABET, 2, 64), (value) => RoleSessionNameSchema.safeParse(value).success));
  });

  it('rejects 1 and 65 characters', () => {
    expectRejected(RoleSessionNameSchema, 'a');
    expectRejected(RoleSessionNameSchema, 'x'.repeat(65));
  });

  it('rejects characters AssumeRole refuses, such as a colon, slash or space', () => {
    for (const value of ['jane:dev', 'jane/dev', 'jane dev']) {
      expectRejected(RoleSessionNameSchema, value);
    }
    fc.assert(
      fc.property(stringWithOneOutside(SESSION_NAME_ALPHABET, 2, 64), (value) => !RoleSessionNameSchema.safeParse(value).success),
    );
  });
});

describe('SourceIdentity', () => {
  it('accepts 2–64 allowed characters', () => {
    expectPasses(SourceIdentitySchema, 'jane@example.com');
    fc.assert(fc.property(stringFrom(SESSION_NAME_ALPHABET, 2, 64), (value) => SourceIdentitySchema.safeParse(value).success));
  });

  it('rejects 1 and 65 characters and an aws: prefix', () => {
    expectRejected(SourceIdentitySchema, 'a');
    expectRejected(SourceIdentitySchema, 'x'.repeat(65));
    expectRejected(SourceIdentitySchema, 'aws:jane');
  });
});

describe('role session duration', () => {
  it('accepts whole seconds from 900 to 43,200', () => {
    expectPasses(RoleDurationSchema, 900);
    expectPasses(RoleDurationSchema, 3600);
    expectPasses(RoleDurationSchema, 43200);
    fc.assert(fc.property(fc.integer({ min: 900, max: 43200 }), (seconds) => RoleDurationSchema.safeParse(seconds).success));
  });

  it('rejects 899 and 43,201', () => {
    expectRejected(RoleDurationSchema, 899);
    expectRejected(RoleDurationSchema, 43201);
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: 899 }), fc.integer({ min: 43201 })),
        (seconds) => !RoleDurationSchema.safeParse(seconds).success,
      ),
    );
  });

  it('rejects fractions, NaN, infinity and numeric strings', () => {
    expectRejected(RoleDurationSchema, 3600.5);
    fc.assert(
      fc.property(
        fc.double({ min: 900, max: 43200, noNaN: true }).filter((value) => !Number.isInteger(value)),
        (seconds) => !RoleDurationSchema.safeParse(seconds).success,
      ),
    );
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '3600']) {
      expect(RoleDurationSchema.safeParse(value).success).toBe(false);
    }
  });

  it('keeps the role-chaining cap at one hour', () => {
    expect(CHAINED_ROLE_MAX_SECONDS).toBe(3600);
  });
});

describe('MFA session (GetSessionToken) duration', () => {
  it('accepts 900 to 129,600 seconds and rejects the values just outside', () => {
    expectPasses(SessionTokenDurationSchema, 900);
    expectPasses(SessionTokenDurationSchema, 129600);
    expectRejected(SessionTokenDurationSchema, 899);
    expectRejected(SessionTokenDurationSchema, 129601);
    expectRejected(SessionTokenDurationSchema, 1000.5);
  });
});

describe('session tags', () => {
  const tag = fc.record({
    key: stringFrom(`${WORD_CHARACTERS} .:/=+-@`, 1, 128).filter((key) => !key.toLowerCase().startsWith('aws:')),
    value: stringFrom(`${WORD_CHARACTERS} .:/=+-@`, 0, 256),
  });

  it('accepts keys and values with letters in any script, digits, spaces and _ . : / = + - @', () => {
    expectPasses(SessionTagSchema, { key: 'Project', value: 'Roledeck' });
    expectPasses(SessionTagSchema, { key: 'Kostenstelle Büro', value: 'München 1' });
    expectPasses(SessionTagSchema, { key: 'team:owner', value: '' });
    fc.assert(fc.property(tag, (value) => SessionTagSchema.safeParse(value).success));
  });

  it('rejects a key starting with aws:, in any case', () => {
    expectRejected(SessionTagSchema, { key: 'aws:PrincipalTag', value: 'x' });
    expectRejected(SessionTagSchema, { key: 'AWS:Team', value: 'x' });
  });

  it('rejects empty and over-long keys, over-long values and disallowed characters', () => {
    expectRejected(SessionTagSchema, { key: '', value: 'x' });
    expectRejected(SessionTagSchema, { key: 'k'.repeat(129), value: 'x' });
    expectRejected(SessionTagSchema, { key: 'Project', value: 'v'.repeat(257) });
    expectRejected(SessionTagSchema, { key: 'Pro*ject', value: 'x' });
    expectRejected(SessionTagSchema, { key: 'Project', value: 'a;b' });
  });

  it('accepts up to 50 tags and rejects 51', () => {
    const tags = (count: number) => Array.from({ length: count }, (_, index) => ({ key: `k${index}`, value: 'v' }));
    expectPasses(SessionTagsSchema, tags(50));
    expectRejected(SessionTagsSchema, tags(51));
  });

  it('rejects two tags whose keys differ only in case, as STS does', () => {
    expectRejected(
      SessionTagsSchema,
      [
        { key: 'Project', value: 'a' },
        { key: 'project', value: 'b' },
      ],
    );
  });

  it('accepts any list of up to 50 valid tags with distinct keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(tag, { maxLength: 50, selector: (value) => value.key.toLowerCase() }), (tags) =>
        SessionTagsSchema.safeParse(tags).success,
      ),
      { numRuns: 50 },
    );
  });
});

describe('access key ID', () => {
  it('accepts a long-term IAM user key (AKIA + 16 capitals and digits)', () => {
    expectPasses(AccessKeyIdSchema, 'AKIAIOSFODNN7EXAMPLE');
    fc.assert(
      fc.property(stringFrom(ACCESS_KEY_ALPHABET, 16, 16), (rest) => AccessKeyIdSchema.safeParse(`AKIA${rest}`).success),
    );
  });

  it.each([
    ['lower case', 'akiaiosfodnn7example'],
    ['too short', 'AKIA1234567'],
    ['another prefix', 'AIDAIOSFODNN7EXAMPLE'],
    ['a temporary (ASIA) key, which needs a session token', 'ASIAIOSFODNN7EXAMPLE'],
    ['a trailing space', 'AKIAIOSFODNN7EXAMPLE '],
    ['a secret key pasted into the wrong field', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ])('rejects %s', (_, value) => {
    expectRejected(AccessKeyIdSchema, value);
  });
});

describe('secret access key', () => {
  it('accepts 40 characters of letters, digits and / + =', () => {
    expectPasses(SecretAccessKeySchema, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    fc.assert(fc.property(stringFrom(SECRET_KEY_ALPHABET, 40, 40), (value) => SecretAccessKeySchema.safeParse(value).success));
  });

  it('rejects 39 and 41 characters and a space', () => {
    expectRejected(SecretAccessKeySchema, 'x'.repeat(39));
    expectRejected(SecretAccessKeySchema, 'x'.repeat(41));
    expectRejected(SecretAccessKeySchema, `${'x'.repeat(39)} `);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }).filter((length) => length !== 40),
        (length) => !SecretAccessKeySchema.safeParse('x'.repeat(length)).success,
      ),
    );
  });
});

describe('region', () => {
  it.each(['eu-west-1', 'us-east-1', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-5', 'il-central-1', 'us-isob-east-1'])(
    'accepts %s',
    (region) => {
      expectPasses(RegionSchema, region);
    },
  );

  it.each(['EU-WEST-1', 'eu-west', 'euwest1', 'eu-west-1a', 'global', 'eu-west-100', ' eu-west-1', ''])(
    'rejects %j',
    (region) => {
      expectRejected(RegionSchema, region);
    },
  );
});

describe('length limits on every rule (they bound what crosses IPC)', () => {
  it('refuses a value far past a rule’s limit in the rule’s own words, not a generic "too long"', () => {
    const cases = [
      [AccountIdSchema, '1'.repeat(5000), /5,000 digits/],
      [RoleNameSchema, 'a'.repeat(5000), /64/],
      [ExternalIdSchema, 'a'.repeat(5000), /1,224/],
      [RegionSchema, 'eu-west-1'.repeat(500), /region/i],
    ] as const;
    for (const [schema, value, words] of cases) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(words);
      expect(result.error?.issues[0]?.message).not.toMatch(/Too big/i);
    }
  });

  it('still accepts a tag of 128 characters outside the Basic Multilingual Plane (AWS counts characters)', () => {
    const key = '😀'.repeat(128);
    expect(SessionTagSchema.safeParse({ key, value: 'v' }).error?.issues.map((issue) => issue.message) ?? []).not.toContainEqual(expect.stringMatching(/more than 128/));
  });
});
